using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// Which allocation a job counts against: same cluster, the job's account is the allocation's Slurm account, the job
/// started inside the period, and the allocation is active, suspended or expired (jobs that ran before a suspension or
/// are imported late still count). An allocation tied to a partition takes only that partition's jobs and wins over
/// one for the whole cluster. The few allocations of a cluster are held in memory for the whole import.
/// </summary>
internal sealed class AllocationMatcher
{
    private readonly Dictionary<string, List<Candidate>> byAccount;

    private AllocationMatcher(Dictionary<string, List<Candidate>> byAccount) => this.byAccount = byAccount;

    private sealed record Candidate(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsBefore, string? Partition);

    public static async Task<AllocationMatcher> LoadAsync(HubDb db, Guid clusterId, CancellationToken ct)
    {
        var rows = await (
            from a in db.GpuAllocations.AsNoTracking()
            where a.ClusterId == clusterId && a.SlurmAccount != null && GpuAllocation.Counting.Contains(a.Status)
            join p in db.GpuPartitions on a.PartitionId equals p.Id into parts
            from p in parts.DefaultIfEmpty()
            select new { a.Id, Account = a.SlurmAccount!, a.StartsAt, a.EndsBefore, Partition = p == null ? null : p.Name })
            .ToListAsync(ct);
        var byAccount = rows
            .GroupBy(r => r.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new Candidate(r.Id, r.StartsAt, r.EndsBefore, r.Partition))
                .OrderBy(c => c.Partition is null).ToList(), StringComparer.Ordinal);
        return new AllocationMatcher(byAccount);
    }

    public Guid? Match(in SacctJob job)
    {
        if (!byAccount.TryGetValue(job.Account, out var candidates))
        {
            return null;
        }

        foreach (var c in candidates)
        {
            if (job.Start >= c.StartsAt && job.Start < c.EndsBefore && (c.Partition is null || c.Partition == job.Partition))
            {
                return c.Id;
            }
        }

        return null;
    }
}
