using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Compute;

/// <summary>An allocation with its usage against its quota (the /compute list).</summary>
public sealed record AllocationSummary(Guid Id, Guid OrganizationId, string OrganizationKo, string OrganizationEn,
    Guid ClusterId, string Cluster, string? Partition, string? SlurmAccount, int GpuHours, long UsedGpuSeconds, DateOnly StartsOn,
    DateOnly EndsOn, AllocationStatus Status, AllocationSource Source, DateTimeOffset? Alert80SentAt, DateTimeOffset? Alert100SentAt)
{
    public double UsedGpuHours => UsedGpuSeconds / 3600.0;

    public double UsedShare => GpuHours == 0 ? 0 : UsedGpuSeconds / (GpuHours * 3600.0);
}

public sealed record UsageByMonth(int Month, int Jobs, double GpuHours);

public sealed record UsageByUser(string User, int Jobs, double GpuHours);

public sealed record JobRow(long JobId, string User, string? Partition, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    long ElapsedSeconds, int Gpus, double GpuHours);

/// <summary>An organization in a month: GPU-hours used and allocated, and its shares of all usage and of all allocations.</summary>
public sealed record OrganizationMonth(Guid OrganizationId, string NameKo, string NameEn, int Month, double UsedHours,
    double AllocatedHours, double UsageShare, double AllocationShare)
{
    /// <summary>Used / allocated; empty without an allocation that month.</summary>
    public double? Ratio => AllocatedHours > 0 ? UsedHours / AllocatedHours : null;
}

public sealed record ClusterMonth(Guid ClusterId, string Cluster, int Month, double UsedHours, double CapacityHours)
{
    public double Utilization => CapacityHours > 0 ? UsedHours / CapacityHours : 0;
}

public sealed record FairnessMonth(int Month, double? JainIndex, IReadOnlyList<OrganizationMonth> Organizations);

/// <summary>
/// Reads usage: per allocation (against its quota, by month, by user, recent jobs), per organization per month, cluster
/// utilization and fairness. Sums are GROUP BY queries over the job rows; only the few allocations are prorated in memory.
/// </summary>
public sealed class ComputeReports(HubDb db)
{
    public const int MaxMonths = 36;
    public const int JobsPerPage = 50;

    public Task<List<AllocationSummary>> AllocationsAsync(IReadOnlyCollection<Guid>? organizations, CancellationToken ct = default)
    {
        var query = db.GpuAllocations.AsNoTracking();
        if (organizations is not null)
        {
            query = query.Where(a => organizations.Contains(a.OrganizationId));
        }

        return (
            from a in query
            join o in db.OrganizationInfos() on a.OrganizationId equals o.Id
            join c in db.GpuClusters on a.ClusterId equals c.Id
            join p in db.GpuPartitions on a.PartitionId equals p.Id into parts
            from p in parts.DefaultIfEmpty()
            orderby a.RequestedAt descending
            select new AllocationSummary(a.Id, a.OrganizationId, o.NameKo, o.NameEn, a.ClusterId, c.Name,
                p == null ? null : p.Name, a.SlurmAccount, a.GpuHours, a.UsedGpuSeconds, a.StartsOn, a.EndsOn, a.Status, a.Source,
                a.Alert80SentAt, a.Alert100SentAt))
            .ToListAsync(ct);
    }

    public async Task<List<UsageByMonth>> ByMonthAsync(Guid allocationId, CancellationToken ct = default) =>
        (await db.GpuJobUsages.AsNoTracking().Where(u => u.AllocationId == allocationId)
            .GroupBy(u => u.Month)
            .Select(g => new { Month = g.Key, Jobs = g.Count(), Seconds = g.Sum(u => u.GpuSeconds) })
            .OrderBy(g => g.Month).ToListAsync(ct))
        .Select(g => new UsageByMonth(g.Month, g.Jobs, g.Seconds / 3600.0)).ToList();

    public async Task<List<UsageByUser>> ByUserAsync(Guid allocationId, CancellationToken ct = default) =>
        (await db.GpuJobUsages.AsNoTracking().Where(u => u.AllocationId == allocationId)
            .GroupBy(u => u.User)
            .Select(g => new { User = g.Key, Jobs = g.Count(), Seconds = g.Sum(u => u.GpuSeconds) })
            .ToListAsync(ct))
        .OrderByDescending(g => g.Seconds).ThenBy(g => g.User, StringComparer.Ordinal)
        .Select(g => new UsageByUser(g.User, g.Jobs, g.Seconds / 3600.0)).ToList();

    /// <summary>The allocation's jobs, newest first, a page at a time (page 1 is the first).</summary>
    public Task<List<JobRow>> RecentJobsAsync(Guid allocationId, int page, CancellationToken ct = default) =>
        db.GpuJobUsages.AsNoTracking().Where(u => u.AllocationId == allocationId)
            .OrderByDescending(u => u.StartedAt).ThenByDescending(u => u.JobId)
            .Skip((Math.Max(page, 1) - 1) * JobsPerPage).Take(JobsPerPage)
            .Select(u => new JobRow(u.JobId, u.User, u.Partition, u.StartedAt, u.EndedAt, u.ElapsedSeconds, u.Gpus, u.GpuSeconds / 3600.0))
            .ToListAsync(ct);

    public Task<int> JobCountAsync(Guid allocationId, CancellationToken ct = default) =>
        db.GpuJobUsages.CountAsync(u => u.AllocationId == allocationId, ct);

    /// <summary>Per organization and month (months as year × 12 + month − 1, inclusive): used and allocated GPU-hours and shares.</summary>
    public async Task<List<OrganizationMonth>> ByOrganizationAsync(int fromMonth, int toMonth, CancellationToken ct = default)
    {
        (fromMonth, toMonth) = Clamp(fromMonth, toMonth);
        var used = await (
            from u in db.GpuJobUsages.AsNoTracking()
            where u.AllocationId != null && u.Month >= fromMonth && u.Month <= toMonth
            join a in db.GpuAllocations on u.AllocationId equals (Guid?)a.Id
            group u by new { a.OrganizationId, u.Month } into g
            select new { g.Key.OrganizationId, g.Key.Month, Seconds = g.Sum(u => u.GpuSeconds) })
            .ToListAsync(ct);
        var first = ComputeMath.FirstDay(fromMonth);
        var last = ComputeMath.FirstDay(toMonth).AddDays(ComputeMath.DaysIn(toMonth) - 1);
        var allocations = await db.GpuAllocations.AsNoTracking()
            .Where(a => GpuAllocation.Counting.Contains(a.Status) && a.StartsOn <= last && a.EndsOn >= first)
            .Select(a => new { a.OrganizationId, a.GpuHours, a.StartsOn, a.EndsOn })
            .ToListAsync(ct);
        var organizationIds = used.Select(u => u.OrganizationId).Concat(allocations.Select(a => a.OrganizationId)).Distinct().ToList();
        var names = await db.OrganizationsByIdAsync(organizationIds, ct);
        var usedBy = used.ToDictionary(u => (u.OrganizationId, u.Month), u => u.Seconds / 3600.0);

        var rows = new List<OrganizationMonth>();
        for (var month = fromMonth; month <= toMonth; month++)
        {
            var m = month;
            var figures = organizationIds.Select(id => (Id: id,
                    Used: usedBy.GetValueOrDefault((id, m)),
                    Allocated: allocations.Where(a => a.OrganizationId == id).Sum(a =>
                        ComputeMath.AllocatedInMonth(a.GpuHours, a.StartsOn, a.EndsOn, m))))
                .Where(f => f.Used > 0 || f.Allocated > 0)
                .ToList();
            var totalUsed = figures.Sum(f => f.Used);
            var totalAllocated = figures.Sum(f => f.Allocated);
            rows.AddRange(figures.Select(f => new OrganizationMonth(f.Id, names[f.Id].NameKo, names[f.Id].NameEn, m, f.Used, f.Allocated,
                totalUsed > 0 ? f.Used / totalUsed : 0, totalAllocated > 0 ? f.Allocated / totalAllocated : 0)));
        }

        return rows.OrderBy(r => r.Month).ThenByDescending(r => r.UsedHours).ThenBy(r => r.NameKo, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each cluster's GPU-hours used (all jobs, matched or not) against its capacity (today's partitions), per month.</summary>
    public async Task<List<ClusterMonth>> UtilizationAsync(int fromMonth, int toMonth, CancellationToken ct = default)
    {
        (fromMonth, toMonth) = Clamp(fromMonth, toMonth);
        var used = await db.GpuJobUsages.AsNoTracking()
            .Where(u => u.Month >= fromMonth && u.Month <= toMonth)
            .GroupBy(u => new { u.ClusterId, u.Month })
            .Select(g => new { g.Key.ClusterId, g.Key.Month, Seconds = g.Sum(u => u.GpuSeconds) })
            .ToListAsync(ct);
        var clusters = await db.GpuClusters.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, Gpus = c.Partitions.Sum(p => p.Nodes * p.GpusPerNode) })
            .ToListAsync(ct);
        var usedBy = used.ToDictionary(u => (u.ClusterId, u.Month), u => u.Seconds / 3600.0);
        return (
            from c in clusters
            from month in Enumerable.Range(fromMonth, toMonth - fromMonth + 1)
            select new ClusterMonth(c.Id, c.Name, month, usedBy.GetValueOrDefault((c.Id, month)), ComputeMath.CapacityHours(c.Gpus, month)))
            .ToList();
    }

    /// <summary>
    /// Per month: each organization's share of usage against its share of allocations, and Jain's index over used/allocated.
    /// </summary>
    public async Task<List<FairnessMonth>> FairnessAsync(int fromMonth, int toMonth, CancellationToken ct = default)
    {
        var rows = await ByOrganizationAsync(fromMonth, toMonth, ct);
        (fromMonth, toMonth) = Clamp(fromMonth, toMonth);
        return Enumerable.Range(fromMonth, toMonth - fromMonth + 1).Select(month =>
        {
            var organizations = rows.Where(r => r.Month == month).ToList();
            var ratios = organizations.Where(r => r.Ratio is not null).Select(r => r.Ratio!.Value).ToList();
            return new FairnessMonth(month, ComputeMath.JainIndex(ratios), organizations);
        }).ToList();
    }

    private static (int From, int To) Clamp(int fromMonth, int toMonth)
    {
        if (toMonth < fromMonth)
        {
            (fromMonth, toMonth) = (toMonth, fromMonth);
        }

        return (Math.Max(fromMonth, toMonth - MaxMonths + 1), toMonth);
    }
}
