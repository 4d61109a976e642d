using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>Records of the engagement module for the route matrix: a visit stopping at the own organization, an internal
/// opinion of each organization (the own one with an action item) and a public opinion of the other.</summary>
internal sealed record EngagementFixture(Guid Visit, Guid OwnInternal, Guid OtherInternal, Guid OtherPublic, Guid OwnAction)
{
    public static async Task<EngagementFixture> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var by = Guid.NewGuid();
        var visit = SeoulAiHub.Features.Engagement.Visit.Plan(VisitKind.Visit, "행렬 시험 방문", today.AddDays(7), "route matrix", "운영사무국", null, by, now);
        visit.AddGuest("손님", "의원", "서울특별시의회", now);
        visit.AddStop(new(10, 0), new(10, 30), null, null, ownOrganization, "대표", null, now);
        db.Visits.Add(visit);
        var ownInternal = FieldOpinion.Record(OpinionSource.Tenant, null, ownOrganization, null, "우리 기관의 비공개 의견", OpinionCategory.Funding, OpinionVisibility.Internal, today, by, now);
        var otherInternal = FieldOpinion.Record(OpinionSource.Tenant, null, otherOrganization, null, "다른 기관의 비공개 의견", OpinionCategory.Regulation, OpinionVisibility.Internal, today, by, now);
        var otherPublic = FieldOpinion.Record(OpinionSource.Tenant, null, otherOrganization, null, "다른 기관의 공개 의견", OpinionCategory.Global, OpinionVisibility.Public, today, by, now);
        db.FieldOpinions.AddRange(ownInternal, otherInternal, otherPublic);
        var action = ActionItem.Create(ownInternal, "행렬 시험 조치", "운영사무국", null, today.AddDays(30), today, by, now);
        db.ActionItems.Add(action);
        await db.SaveChangesAsync();
        return new EngagementFixture(visit.Id, ownInternal.Id, otherInternal.Id, otherPublic.Id, action.Id);
    }
}
