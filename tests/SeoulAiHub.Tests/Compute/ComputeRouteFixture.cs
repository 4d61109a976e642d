using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Compute;

/// <summary>The GPU compute rows of the route matrix: allocations are their organization's, its operators' and overseers'.</summary>
internal sealed class ComputeRouteFixture : IRouteMatrixPart
{
    public async Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        var (ownAllocation, otherAllocation) = await RequestAllocationsAsync(host, ownOrganization, otherOrganization);
        return
        [
            ("/compute", r => r == Anonymous ? SignIn : Ok),
            ($"/compute/allocations/{ownAllocation}", OwnValues),
            ($"/compute/allocations/{otherAllocation}", OtherValues),
            ($"/compute/allocations/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ("/compute/manage", OperatorPage),
            ("/compute/report", OversightPage),
            ("/api/compute/allocations", Api(_ => Ok)),
            ($"/api/compute/allocations/{ownAllocation}/usage", Api(OwnValues)),
            ($"/api/compute/allocations/{otherAllocation}/usage", Api(OtherValues)),
        ];
    }

    /// <summary>A GPU allocation requested by each organization, on the demo hub's first cluster.</summary>
    private static async Task<(Guid Own, Guid Other)> RequestAllocationsAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cluster = await db.GpuClusters.Include(c => c.Partitions).FirstAsync();
        var by = Guid.NewGuid();
        var own = GpuAllocation.Request(ownOrganization, cluster, null, 100, today, today.AddMonths(3), "행렬 시험 할당", today, by, now);
        var other = GpuAllocation.Request(otherOrganization, cluster, null, 100, today, today.AddMonths(3), "다른 기관 할당", today, by, now);
        db.GpuAllocations.AddRange(own, other);
        await db.SaveChangesAsync();
        return (own.Id, other.Id);
    }
}
