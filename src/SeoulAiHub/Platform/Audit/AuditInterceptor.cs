using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SeoulAiHub.Platform.Audit;

/// <summary>
/// Writes an audit row for every inserted, updated or deleted record in the same transaction as the change,
/// so no write escapes the log. Updates list the changed property names, never their values (passwords, tokens).
/// </summary>
public sealed class AuditInterceptor(AuditActorAccessor actors, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    /// <summary>
    /// For bulk generation of synthetic data only: the caller writes one summary audit row instead of one per record.
    /// </summary>
    public static IDisposable SuppressForBulkLoad()
    {
        Suppressed.Value = true;
        return new Restore();
    }

    /// <summary>A row for a write this interceptor cannot see (bulk statements), with the same actor and clock.</summary>
    internal AuditEntry EntryFor(string action, string entityType, string? entityId, string details) =>
        AuditEntry.Create(clock.GetUtcNow(), actors.Current, action, entityType, entityId, details);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
        {
            throw new InvalidOperationException("The audit log is append-only: its rows are never changed or deleted.");
        }

        if (Suppressed.Value)
        {
            return;
        }

        var actor = actors.Current;
        var now = clock.GetUtcNow();
        foreach (var entry in changed.Where(e => e.Entity is not AuditEntry))
        {
            context.Add(AuditEntry.Create(now, actor, ActionOf(entry.State), entry.Metadata.ClrType.Name,
                KeyOf(entry), entry.State == EntityState.Modified ? ChangedProperties(entry) : null));
        }
    }

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => "create",
        EntityState.Deleted => "delete",
        _ => "update",
    };

    private static string? KeyOf(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { } key
            ? string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()))
            : null;

    private static string ChangedProperties(EntityEntry entry) =>
        string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Suppressed.Value = false;
    }
}
