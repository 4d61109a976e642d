using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Outcomes;

/// <summary>
/// The outcomes module's rows of the route matrix. Collection: definitions are public; campaigns are the operators';
/// reports and values private. Figures: dashboards and the report for operators and overseers; open data and
/// aggregates for everyone.
/// </summary>
internal sealed class OutcomesRouteFixture : IRouteMatrixPart
{
    public async Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        var o = await OutcomesRouteRecords.CreateAsync(host, ownOrganization, otherOrganization);
        return
        [
            ("/api/kpis", _ => Ok),
            ("/outcomes/kpis", OperatorPage),
            ($"/outcomes/kpis/{o.Kpi}", OperatorPage),
            ("/outcomes/campaigns", OperatorPage),
            ("/outcomes/campaigns/new", OperatorPage),
            ($"/outcomes/campaigns/{o.Campaign}", OperatorPage),
            ("/outcomes/tasks", r => r == Anonymous ? SignIn : Ok),
            ($"/outcomes/tasks/{o.OwnTask}", OwnValues),
            ($"/outcomes/tasks/{o.OtherTask}", OtherValues),
            ($"/outcomes/tasks/{Guid.NewGuid()}", r => r == Anonymous ? SignIn : NotFound),
            ($"/outcomes/evidence/{o.OwnEvidence}", OwnValues),
            ($"/outcomes/evidence/{o.OtherEvidence}", OtherValues),
            ($"/api/organizations/{ownOrganization}/kpi-values", Api(OwnValues)),
            ($"/api/organizations/{otherOrganization}/kpi-values", Api(OtherValues)),

            ("/outcomes", OversightPage),
            ("/outcomes?from=2025-Q1&to=2025-Q4&grain=quarter&kpi=headcount", OversightPage),
            ("/outcomes/report", OversightPage),
            ("/outcomes/report?period=2025", OversightPage),
            ("/outcomes/report.xlsx?period=2025-Q4", OversightPage),
            ($"/outcomes/programs/{o.Program}", OversightPage),
            ($"/outcomes/programs/{Guid.NewGuid()}", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer => NotFound,
                _ => Denied,
            }),
            ("/open-data", _ => Ok),
            ("/open-data?from=2025-H1&to=2025-H2", _ => Ok),
            ("/open-data/outcomes.csv", _ => Ok),
            ("/open-data/outcomes.json", _ => Ok),
            ("/api/outcomes/aggregates", _ => Ok),
        ];
    }
}

/// <summary>
/// The records behind the outcomes rows: a campaign asking two organizations, each with an evidence file, and a
/// program (with no awardees yet) for its before-and-after page.
/// </summary>
internal sealed record OutcomesRouteRecords(Guid Program, Guid Kpi, Guid Campaign, Guid OwnTask, Guid OwnEvidence, Guid OtherTask,
    Guid OtherEvidence)
{
    public static async Task<OutcomesRouteRecords> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var revenue = await db.KpiDefinitions.Where(k => k.Code == "revenue").Select(k => k.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // Built directly (not through the service): the organizations are new, and the period is only a label here.
        var period = ReportingPeriod.Of(PeriodGrain.Year, 2019, 1);
        var campaign = KpiCampaign.Open("행렬 시험 조사", "Matrix campaign", period, today.AddDays(30), CampaignTarget.Selected, null,
            [revenue], [ownOrganization, otherOrganization], today, Guid.NewGuid(), now);
        var evidence = new List<KpiEvidence>();
        foreach (var task in campaign.Tasks)
        {
            task.Save([new KpiEntry(revenue, 1_000_000, null)], campaign.KpiIds, now);
            var file = await documents.SaveAsync("evidence.pdf", SeoulAiHub.Platform.Seeding.DemoFiles.Pdf("Matrix evidence"));
            evidence.Add(task.AddEvidence(revenue, file, Guid.NewGuid(), now));
        }

        db.KpiCampaigns.Add(campaign);
        var program = SupportProgram.Create(ProgramKind.RndGrant, "행렬 시험 성과 사업", "Matrix outcomes program", null, null,
            now);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var own = campaign.Tasks.Single(t => t.OrganizationId == ownOrganization);
        var other = campaign.Tasks.Single(t => t.OrganizationId == otherOrganization);
        return new OutcomesRouteRecords(program.Id, revenue, campaign.Id, own.Id, own.Evidence.Single().Id, other.Id,
            other.Evidence.Single().Id);
    }
}
