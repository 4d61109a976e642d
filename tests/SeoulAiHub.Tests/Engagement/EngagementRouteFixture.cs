using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Engagement;

/// <summary>
/// The engagement module's rows of the route matrix: visits and reports are for operators and overseers; opinions are
/// read by their own organization (internal ones), by everybody signed in (public ones), and by operators and
/// overseers (all).
/// </summary>
internal sealed class EngagementRouteFixture : IRouteMatrixPart
{
    public async Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        var e = await EngagementRouteRecords.CreateAsync(host, ownOrganization, otherOrganization);
        return
        [
            ("/engagement/visits", OversightPage),
            ("/engagement/visits/new", OperatorPage),
            ($"/engagement/visits/{e.Visit}", OversightPage),
            ($"/engagement/visits/{Guid.NewGuid()}", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer => NotFound,
                _ => Denied,
            }),
            ($"/engagement/visits/{e.Visit}/briefing", OversightPage),
            ($"/engagement/visits/{e.Visit}/briefing?download=1", OversightPage),
            ($"/engagement/visits/{e.Visit}/report", OversightPage),
            ("/engagement/opinions", r => r == Anonymous ? SignIn : Ok),
            ("/engagement/opinions?category=Funding&stage=Waiting", r => r == Anonymous ? SignIn : Ok),
            ("/engagement/opinions/new", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
                _ => Denied,
            }),
            ($"/engagement/opinions/{e.OwnInternal}", OwnValues),
            ($"/engagement/opinions/{e.OtherInternal}", OtherValues),
            ($"/engagement/opinions/{e.OtherPublic}", r => r == Anonymous ? SignIn : Ok),
            ($"/engagement/opinions/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ("/engagement/actions", OversightPage),
            ("/engagement/actions?overdue=true", OversightPage),
            ("/engagement/report", OversightPage),
            ("/engagement/report?from=2025-07-01&to=2025-12-31", OversightPage),
            ("/oversight", OversightPage),
            ("/you-said-we-did", _ => Ok),
            ("/you-said-we-did?from=2025-01-01&to=2025-12-31", _ => Ok),
        ];
    }
}

/// <summary>
/// The records behind the engagement rows: a visit stopping at the own organization, an internal opinion of each
/// organization (the own one with an action item) and a public opinion of the other.
/// </summary>
internal sealed record EngagementRouteRecords(Guid Visit, Guid OwnInternal, Guid OtherInternal, Guid OtherPublic, Guid OwnAction)
{
    public static async Task<EngagementRouteRecords> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var by = Guid.NewGuid();
        var visit = SeoulAiHub.Features.Engagement.Visit.Plan(VisitKind.Visit, "행렬 시험 방문", today.AddDays(7), "route matrix",
            "운영사무국", null, by, now);
        visit.AddGuest("손님", "의원", "서울특별시의회", now);
        visit.AddStop(new(10, 0), new(10, 30), null, null, ownOrganization, "대표", null, now);
        db.Visits.Add(visit);
        var ownInternal = FieldOpinion.Record(OpinionSource.Tenant, null, ownOrganization, null, "우리 기관의 비공개 의견", OpinionCategory.Funding,
            OpinionVisibility.Internal, today, by, now);
        var otherInternal = FieldOpinion.Record(OpinionSource.Tenant, null, otherOrganization, null, "다른 기관의 비공개 의견",
            OpinionCategory.Regulation, OpinionVisibility.Internal, today, by, now);
        var otherPublic = FieldOpinion.Record(OpinionSource.Tenant, null, otherOrganization, null, "다른 기관의 공개 의견", OpinionCategory.Global,
            OpinionVisibility.Public, today, by, now);
        db.FieldOpinions.AddRange(ownInternal, otherInternal, otherPublic);
        var action = ActionItem.Create(ownInternal, "행렬 시험 조치", "운영사무국", null, today.AddDays(30), today, by, now);
        db.ActionItems.Add(action);
        await db.SaveChangesAsync();
        return new EngagementRouteRecords(visit.Id, ownInternal.Id, otherInternal.Id, otherPublic.Id, action.Id);
    }
}
