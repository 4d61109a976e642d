using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// Imports Slurm accounting (<c>sacct --parsable2</c>) for a cluster. The file is read once, as a stream: each line is
/// parsed (<see cref="SacctParser"/>), matched to an allocation in memory (<see cref="AllocationMatcher"/>) and buffered;
/// every <see cref="BatchRows"/> rows are written with multi-row <c>INSERT … ON CONFLICT DO NOTHING</c> and committed.
/// Committing per batch is safe because the insert is idempotent: an import stopped half-way is completed by importing
/// the file again, and SQLite's single writer is held for a batch, not the whole file. Rows that were already there
/// are the duplicates. At the end one transaction records the figures, recomputes the affected allocations' usage and
/// sends the 80 % / 100 % alerts due.
/// </summary>
public sealed class UsageImporter(HubDb db, ComputeAlerts alerts, TimeProvider clock)
{
    public const int BatchRows = 20_000;

    public async Task<UsageImport> ImportAsync(Guid clusterId, Stream stream, string fileName, IReadOnlyList<string>? columns, Guid by,
        CancellationToken ct = default)
    {
        var cluster = await db.GpuClusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clusterId, ct)
                      ?? throw RuleException.NotFound("Compute.Error.NoCluster");
        var matcher = await AllocationMatcher.LoadAsync(db, clusterId, ct);
        var import = new UsageImport
        {
            Id = Guid.CreateVersion7(), ClusterId = clusterId, ImportedBy = by, StartedAt = clock.GetUtcNow(),
            FileName = Clean(fileName),
        };
        db.UsageImports.Add(import);
        await db.SaveChangesAsync(ct);

        using var sha = SHA256.Create();
        var affected = new HashSet<Guid>();
        var unmatched = new Dictionary<string, (int Jobs, long GpuSeconds)>(StringComparer.Ordinal);
        var buffer = ArrayPool<UsageRow>.Shared.Rent(BatchRows);
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            // The job table's indexes outgrow SQLite's default 2 MB page cache after some 100,000 rows; past that inserts
            // read index pages back from disk: 128 MB for this connection while it imports. synchronous=NORMAL (still
            // safe from corruption in WAL mode) syncs at checkpoints instead of every commit: a power cut may lose the
            // last batches, which importing the file again restores, since the insert is idempotent.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072; PRAGMA synchronous = NORMAL", ct);
        }

        try
        {
            await using (var hashing = new CryptoStream(stream, sha, CryptoStreamMode.Read, leaveOpen: true))
            await using (var writer = new UsageRowWriter(db, clusterId, import.Id))
            {
                using var reader = new StreamReader(hashing, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                var parser = new SacctParser(reader, cluster.UtcOffset, columns);
                var count = 0;
                foreach (var line in parser.Lines())
                {
                    import.Lines++;
                    switch (line.Outcome)
                    {
                        case SacctOutcome.Rejected:
                            import.Rejected++;
                            if (import.RejectedLines.Count < UsageImport.MaxRejectedKept)
                            {
                                import.RejectedLines.Add(new RejectedLine(line.LineNumber, line.ReasonKey!,
                                    line.Arguments ?? [], line.Text ?? ""));
                            }

                            continue;
                        case SacctOutcome.Ignored:
                            import.Ignored++;
                            import.Steps += line.Ignored == SacctIgnored.Step ? 1 : 0;
                            continue;
                    }

                    var job = line.Job;
                    var allocation = matcher.Match(job);
                    if (allocation is { } id)
                    {
                        affected.Add(id);
                    }
                    else
                    {
                        import.Unmatched++;
                        var seen = unmatched.GetValueOrDefault(job.Account);
                        unmatched[job.Account] = (seen.Jobs + 1, seen.GpuSeconds + job.GpuSeconds);
                    }

                    import.Accepted++;
                    import.GpuSeconds += job.GpuSeconds;
                    var kst = job.Start.ToKst();
                    buffer[count++] = new UsageRow(job, allocation, GpuJobUsage.MonthIndex(kst.Year, kst.Month));
                    if (count == BatchRows)
                    {
                        import.Inserted += await CommitAsync(writer, buffer.AsMemory(0, count), ct);
                        count = 0;
                    }
                }

                import.Inserted += await CommitAsync(writer, buffer.AsMemory(0, count), ct);
                await hashing.CopyToAsync(Stream.Null, ct);
            }
        }
        catch (RuleException)
        {
            // The columns cannot be read (refused before the first line): no import took place.
            await db.AuditedDeleteAsync(db.UsageImports.Where(i => i.Id == import.Id), "unreadable import withdrawn",
                import.Id.ToString(), CancellationToken.None);
            db.Entry(import).State = EntityState.Detached;
            throw;
        }
        finally
        {
            ArrayPool<UsageRow>.Shared.Return(buffer, clearArray: true);
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA synchronous = FULL", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        import.Sha256 = Convert.ToHexStringLower(sha.Hash ?? []);
        import.Duplicates = import.Accepted - import.Inserted;
        import.UnmatchedAccounts = unmatched
            .OrderByDescending(u => u.Value.GpuSeconds).ThenBy(u => u.Key, StringComparer.Ordinal)
            .Take(UsageImport.MaxUnmatchedKept)
            .Select(u => new UnmatchedAccount(u.Key, u.Value.Jobs, Math.Round(u.Value.GpuSeconds / 3600.0, 2)))
            .ToList();
        import.FinishedAt = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await alerts.RecomputeAsync(affected, ct);
        await alerts.SendDueAsync(affected, ct);
        await transaction.CommitAsync(ct);
        return import;
    }

    private async Task<int> CommitAsync(UsageRowWriter writer, ReadOnlyMemory<UsageRow> rows, CancellationToken ct)
    {
        if (rows.IsEmpty)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inserted = await writer.WriteAsync(rows, ct);
        await transaction.CommitAsync(ct);
        return inserted;
    }

    /// <summary>Keeps the file's own name (no folders, no control characters) within the column's length.</summary>
    private static string Clean(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string(name.Where(ch => !char.IsControl(ch)).ToArray());
        if (name.Length == 0)
        {
            name = "sacct.txt";
        }

        return name.Length > UsageImport.MaxFileName ? name[..UsageImport.MaxFileName] : name;
    }
}
