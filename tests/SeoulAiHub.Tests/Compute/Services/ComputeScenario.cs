using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Compute.Services;

/// <summary>Shared steps of the compute integration tests: a cluster of the test's own, allocations, sacct text, imports.</summary>
internal static class ComputeScenario
{
    public const string SacctHeader = "JobID|JobIDRaw|Account|User|Partition|State|Start|End|Elapsed|AllocTRES|JobName";

    public static Task<GpuCluster> ClusterAsync(HubAppFactory host)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return host.WithAsync<ComputeCatalog, GpuCluster>(async catalog =>
        {
            var cluster = await catalog.AddClusterAsync($"시험 클러스터 {suffix}", $"test-{suffix}", "서울AI허브");
            var model = await catalog.AddModelAsync($"H100 {suffix}", 80);
            await catalog.AddPartitionAsync(cluster.Id, "h100", model.Id, 2, 8);
            return cluster;
        });
    }

    /// <summary>
    /// Requested by a member, approved by an operator, terms accepted: active, counting jobs of <paramref name="account"/>.
    /// </summary>
    public static async Task<Guid> ActiveAllocationAsync(HubAppFactory host, Guid organizationId, Guid clusterId, string account, int hours,
        Guid member, Guid op, bool accept = true)
    {
        var today = host.Today();
        var allocation = await host.WithAsync<AllocationService, GpuAllocation>(s =>
            s.RequestAsync(organizationId, new AllocationRequest(clusterId, null, hours, today.AddDays(-30), today.AddDays(30), "모델 학습"),
                member));
        await host.WithAsync<AllocationService, bool>(async s =>
        {
            await s.ApproveAsync(allocation.Id, new AllocationApproval(hours, today.AddDays(-30), today.AddDays(30), account, null,
                AllocationService.DefaultTerms, null), op);
            if (accept)
            {
                await s.AcceptTermsAsync(allocation.Id, member);
            }

            return true;
        });
        return allocation.Id;
    }

    /// <summary>A job line of <see cref="SacctHeader"/> that started <paramref name="daysAgo"/> days ago at 09:00 KST.</summary>
    public static string Job(HubAppFactory host, long id, string account, int gpus, int minutes, int daysAgo = 2, string? tres = null)
    {
        var start = host.Today().AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0));
        var end = start.AddMinutes(minutes);
        return string.Join('|', id, id, account, "kim", "h100", "COMPLETED",
            start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            end.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), $"{minutes / 60:00}:{minutes % 60:00}:00",
            tres ?? $"cpu={gpus * 8},gres/gpu={gpus}", "train");
    }

    public static Task<UsageImport> ImportAsync(HubAppFactory host, Guid clusterId, string text, Guid by, string fileName = "sacct.txt",
        IReadOnlyList<string>? columns = null) =>
        host.WithAsync<UsageImporter, UsageImport>(importer =>
            importer.ImportAsync(clusterId, new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName, columns, by));

    public static Task<GpuAllocation> AllocationAsync(HubAppFactory host, Guid id) =>
        host.QueryAsync(db => db.GpuAllocations.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    public static Task<int> JobsAsync(HubAppFactory host, Guid clusterId) =>
        host.QueryAsync(db => db.GpuJobUsages.CountAsync(u => u.ClusterId == clusterId));
}
