using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>
/// The dashboard's figures from locked campaigns, on a host of its own without demo data: its KPIs stay active (the
/// dashboard shows active KPIs only) without showing up in any other test, and "every resident" means this test's.
/// </summary>
public sealed class DashboardFiguresTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    private static Figure F(long? sum, int reporting, int expected, int missing = 0) =>
        new(sum, reporting, expected, missing, false, false);

    [Theory, OnEveryDatabase]
    public async Task The_dashboard_shows_totals_trends_and_breakdowns_with_small_groups_withheld_for_the_public(string provider)
    {
        await using var host = await TestHosts.StartAsync(provider, new Dictionary<string, string?> { ["Hub:SeedDemoData"] = "false" });
        var kpis = await KpisAsync(host);
        var asked = new[] { kpis.Flow.Id, kpis.Stock.Id };
        var (vision, language, s1, s2, s3, m1) = await host.QueryAsync(async db =>
        {
            var tag = Guid.NewGuid().ToString("N")[..6];
            var domains = new[] { TechnologyDomain.Create($"t-vision-{tag}", "시험 비전", "Test vision"),
                TechnologyDomain.Create($"t-nlp-{tag}", "시험 언어", "Test language") };
            db.TechnologyDomains.AddRange(domains);
            Organization Make(OrganizationType type, params TechnologyDomain[] of)
            {
                var suffix = Guid.NewGuid().ToString("N")[..8];
                var org = Organization.Create($"대시보드 시험 {suffix}", $"Dashboard test {suffix}", type, TenancyStatus.Resident,
                    DateTimeOffset.UtcNow);
                org.SetClassification(of, [], DateTimeOffset.UtcNow);
                db.Organizations.Add(org);
                return org;
            }

            var made = (domains[0].Code, domains[1].Code, Make(OrganizationType.Startup, domains[0], domains[1]),
                Make(OrganizationType.Startup, domains[0]), Make(OrganizationType.Startup), Make(OrganizationType.Sme, domains[0]));
            await db.SaveChangesAsync();
            return made;
        });
        var outsider = await host.CreateOrganizationAsync(status: TenancyStatus.Graduated);

        var p1 = ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous;
        var p0 = p1.Previous;
        Assert.Null(await host.WithAsync<OutcomeFigures, ReportingPeriod?>(f => f.LatestPeriodAsync(PeriodGrain.Quarter)));

        Task<KpiCampaign> ResidentsAsync(ReportingPeriod period) => host.WithAsync<CampaignService, KpiCampaign>(s => s.OpenAsync(
            new CampaignInput("입주기업 조사", "Residents survey", period, host.Today().AddDays(14), CampaignTarget.Residents, null,
                [outsider.Id], asked),
            Operator));

        var first = await ResidentsAsync(p0);
        Assert.Equal(new[] { s1.Id, s2.Id, s3.Id, m1.Id }.Order(), first.Tasks.Select(t => t.OrganizationId).Order());   // residents only
        foreach (var (org, flow, stock) in new[] { (s1, 100L, 10L), (s2, 200L, 20L), (s3, 300L, 30L), (m1, 50L, 5L) })
        {
            await ReportAcceptedAsync(host, first.Id, org.Id, Operator, kpis, flow, stock);
        }

        await host.WithAsync<CampaignService, int>(s => s.LockAsync(first.Id, Operator));
        var second = await ResidentsAsync(p1);
        await ReportAcceptedAsync(host, second.Id, s1.Id, Operator, kpis, 1_000, 11, note: "대형 공급계약");
        foreach (var (org, flow, stock) in new[] { (s2, 150L, 21L), (s3, 330L, 30L), (m1, 60L, 6L) })
        {
            await ReportAcceptedAsync(host, second.Id, org.Id, Operator, kpis, flow, stock);
        }

        await host.WithAsync<CampaignService, int>(s => s.LockAsync(second.Id, Operator));
        Assert.Equal(p1, await host.WithAsync<OutcomeFigures, ReportingPeriod?>(f => f.LatestPeriodAsync(PeriodGrain.Quarter)));
        var latestYear = await host.WithAsync<OutcomeFigures, ReportingPeriod?>(f => f.LatestPeriodAsync(PeriodGrain.Year));
        Assert.Equal(p1.Index == 4 ? p1.Year : p1.Year - 1, latestYear!.Value.Year);   // a year under way is not shown

        // As operators and overseers see it.
        var dashboard = await host.WithAsync<OutcomeFigures, Dashboard>(f =>
            f.DashboardAsync(new DashboardFilter(p0, p1, null, Public: false)));
        Assert.Equal([p0, p1], dashboard.Periods);
        var flowFigures = Assert.Single(dashboard.Kpis, k => k.Kpi.Id == kpis.Flow.Id);
        Assert.Equal([F(650, 4, 4), F(1_540, 4, 4)], flowFigures.Trend);
        Assert.Equal(F(1_540, 4, 4), flowFigures.Current);
        Assert.Equal(F(650, 4, 4), flowFigures.Previous);
        Assert.Equal(Figure.None, flowFigures.YearEarlier);
        Assert.Equal([(nameof(OrganizationType.Startup), F(1_480, 3, 3)), (nameof(OrganizationType.Sme), F(60, 1, 1))],
            flowFigures.ByType.Select(s => (s.Key, s.Figure)));
        Assert.Equal([(vision, F(1_210, 3, 3)), (language, F(1_000, 1, 1)), (RollupBuilder.NoDomain, F(330, 1, 1))],
            flowFigures.ByDomain.Select(s => (s.Key, s.Figure)));
        Assert.Empty(flowFigures.ByProgram);
        var stockFigures = Assert.Single(dashboard.Kpis, k => k.Kpi.Id == kpis.Stock.Id);
        Assert.Equal([F(65, 4, 4), F(68, 4, 4)], stockFigures.Trend);

        // As the public sees it: the total of four is shown; the lone SME is withheld and so is the other type beside
        // it (the total would give it away); two lone domains hide each other.
        var open = await host.WithAsync<OutcomeFigures, Dashboard>(f => f.DashboardAsync(new DashboardFilter(p0, p1, null, Public: true)));
        var publicFlow = Assert.Single(open.Kpis, k => k.Kpi.Id == kpis.Flow.Id);
        Assert.Equal(F(1_540, 4, 4), publicFlow.Current);
        Assert.Equal([F(650, 4, 4), F(1_540, 4, 4)], publicFlow.Trend);
        Assert.All(publicFlow.ByType, s => Assert.True(s.Figure.Suppressed && s.Figure.Sum is null));
        Assert.Equal([(1_210L, false), (null, true), (null, true)], publicFlow.ByDomain.Select(s => (s.Figure.Sum, s.Figure.Suppressed)));

        // Top movers of this test's KPI (nobody else reports it).
        var (up, down) = await host.WithAsync<OutcomeFigures, (IReadOnlyList<Mover>, IReadOnlyList<Mover>)>(f =>
            f.TopMoversAsync(kpis.Flow.Id, p1, null, count: 2));
        Assert.Equal([(s1.Id, 900L), (s3.Id, 30L)], up.Select(m => (m.OrganizationId, m.Change)));
        Assert.Equal([(s2.Id, -50L)], down.Select(m => (m.OrganizationId, m.Change)));
    }
}
