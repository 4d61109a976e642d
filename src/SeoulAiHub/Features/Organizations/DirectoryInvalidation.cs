using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// Invalidates the <see cref="DirectoryIndex"/> after any save that changed what it shows: an organization (and its
/// domain and industry links), a taxonomy term, or an entity of <see cref="IOrganizationPremises.Entities"/> (rooms,
/// tenancies, sites). Driven by the saved changes rather than by callers, so a new writer in any module cannot forget
/// it. Inside an explicit transaction it invalidates again at the commit, so a rebuild between save and commit does
/// not stay. Bulk ExecuteUpdate/ExecuteDelete bypass SaveChanges: none of these tables is written that way; the
/// index's stamp check (latest Organizations.UpdatedAt) still notices organization changes within seconds.
/// </summary>
internal sealed class DirectoryInvalidation(DirectoryIndex directory, IOrganizationPremises premises)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Marker = new();
    private readonly HashSet<Type> _shown = [typeof(Organization), typeof(TechnologyDomain), typeof(Industry), .. premises.Entities];
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];
    private readonly ConditionalWeakTable<DbContext, object> _committing = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && Changes(context))
        {
            _saving.AddOrUpdate(context, Marker);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.Remove(context))
        {
            return;
        }

        directory.Invalidate();
        if (context.Database.CurrentTransaction is not null)
        {
            _committing.AddOrUpdate(context, Marker);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _committing.Remove(context))
        {
            directory.Invalidate();
        }
    }

    /// <summary>A shown entity added, changed or deleted; or a row of a many-to-many link of one (organization ⇄ domain).</summary>
    private bool Changes(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        return context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Any(e => _shown.Contains(e.Metadata.ClrType) ||
                (e.Metadata.HasSharedClrType && e.Metadata.GetForeignKeys().Any(k => _shown.Contains(k.PrincipalEntityType.ClrType))));
    }
}
