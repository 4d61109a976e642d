using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>Records of the infrastructure module for the route matrix: a demo room open to tenants only, a demo room open
/// to the public too, and a GPU allocation requested by each organization.</summary>
internal sealed record InfrastructureFixture(Guid TenantRoom, Guid PublicRoom, Guid OwnAllocation, Guid OtherAllocation)
{
    public static async Task<InfrastructureFixture> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rooms = await db.Facilities.Where(f => f.NameKo == "2층 회의실 B" || f.NameKo == "공개 강의실 1").ToDictionaryAsync(f => f.NameKo, f => f.Id);
        var cluster = await db.GpuClusters.Include(c => c.Partitions).FirstAsync();
        var by = Guid.NewGuid();
        var own = GpuAllocation.Request(ownOrganization, cluster, null, 100, today, today.AddMonths(3), "행렬 시험 할당", today, by, now);
        var other = GpuAllocation.Request(otherOrganization, cluster, null, 100, today, today.AddMonths(3), "다른 기관 할당", today, by, now);
        db.GpuAllocations.AddRange(own, other);
        await db.SaveChangesAsync();
        return new InfrastructureFixture(rooms["2층 회의실 B"], rooms["공개 강의실 1"], own.Id, other.Id);
    }
}
