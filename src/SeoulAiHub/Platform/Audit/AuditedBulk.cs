using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Platform.Audit;

/// <summary>
/// The one way the hub runs bulk UPDATE and DELETE statements. They pass by the change tracker, so
/// <see cref="AuditInterceptor"/> never sees them; here the statement and one audit row — the entity and its table,
/// the operation ("update.bulk", "delete.bulk"), how many rows, why, and who — are written in one transaction: the
/// caller's when it has one (so a rollback takes both back), else one of their own. A statement that changes no row
/// writes no audit row either (a reminder already claimed by another node, "mark all read" with nothing unread).
/// </summary>
public static class AuditedBulk
{
    /// <summary>Runs <c>ExecuteUpdate</c> on <paramref name="rows"/>; <paramref name="what"/> says why, for the log.</summary>
    public static Task<int> AuditedUpdateAsync<T>(this HubDb db, IQueryable<T> rows, Action<UpdateSettersBuilder<T>> setters,
        string what, CancellationToken ct = default) where T : class =>
        db.AuditedUpdateAsync(rows, setters, what, null, ct);

    /// <summary>As above, naming the one record the statement is about (a claim by a conditional UPDATE).</summary>
    public static Task<int> AuditedUpdateAsync<T>(this HubDb db, IQueryable<T> rows, Action<UpdateSettersBuilder<T>> setters,
        string what, string? entityId, CancellationToken ct = default) where T : class =>
        RunAsync(db, typeof(T), "update.bulk", what, entityId, () => rows.ExecuteUpdateAsync(setters, ct), ct);

    /// <summary>Runs <c>ExecuteDelete</c> on <paramref name="rows"/>; <paramref name="what"/> says why, for the log.</summary>
    public static Task<int> AuditedDeleteAsync<T>(this HubDb db, IQueryable<T> rows, string what, CancellationToken ct = default)
        where T : class =>
        db.AuditedDeleteAsync(rows, what, null, ct);

    /// <summary>As above, naming the one record the statement is about.</summary>
    public static Task<int> AuditedDeleteAsync<T>(this HubDb db, IQueryable<T> rows, string what, string? entityId,
        CancellationToken ct = default) where T : class =>
        RunAsync(db, typeof(T), "delete.bulk", what, entityId, () => rows.ExecuteDeleteAsync(ct), ct);

    private static async Task<int> RunAsync(HubDb db, Type entity, string action, string what, string? entityId,
        Func<Task<int>> statement, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var count = await statement();
            if (count > 0)
            {
                await WriteEntryAsync(db, entity, action, what, count, entityId, ct);
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return count;
        }
    }

    /// <summary>
    /// Through a second context on the same connection and transaction: saving on the caller's context would also
    /// write whatever else it tracks, which the caller may mean to save later or never (a lost claim).
    /// </summary>
    private static async Task WriteEntryAsync(HubDb db, Type entity, string action, string what, int count, string? entityId,
        CancellationToken ct)
    {
        var options = (DbContextOptions<HubDb>)db.GetService<IDbContextOptions>();
        var interceptor = options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditInterceptor>().FirstOrDefault()
            ?? throw new InvalidOperationException("HubDb is configured without its AuditInterceptor.");
        await using var log = new HubDb(options);
        log.Database.SetDbConnection(db.Database.GetDbConnection());
        await log.Database.UseTransactionAsync(db.Database.CurrentTransaction!.GetDbTransaction(), ct);
        var table = log.Model.FindEntityType(entity)?.GetTableName() ?? entity.Name;
        log.AuditEntries.Add(interceptor.EntryFor(action, entity.Name, entityId, $"{what}: {count} rows of {table}"));
        await log.SaveChangesAsync(ct);
    }
}
