using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>The service's own rules around the entities: locking once, deadlines, unknown ids, retired KPIs.</summary>
public sealed class CampaignServiceRulesTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    [Theory, OnEveryDatabase]
    public async Task Two_operators_locking_at_once_write_the_facts_once(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var quarter = ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous;
        var rounds = new List<(List<Organization> Orgs, KpiCampaign Campaign)>();
        for (var round = 0; round < 3; round++)
        {
            var organizations = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Sme);
            rounds.Add((organizations, await OpenAsync(host, quarter, organizations, [kpis.Flow.Id, kpis.Stock.Id], Operator)));
        }

        await RetireAsync(host, kpis);
        for (var round = 0; round < 3; round++)
        {
            var (orgs, campaign) = rounds[round];
            await ReportAcceptedAsync(host, campaign.Id, orgs[0].Id, Operator, kpis, flow: 10 + round, stock: 4);
            await ReportAcceptedAsync(host, campaign.Id, orgs[1].Id, Operator, kpis, flow: 0, stock: 2);

            async Task<Exception?> AttemptAsync()
            {
                await using var scope = host.Services.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<CampaignService>().LockAsync(campaign.Id, Guid.NewGuid());
                    return null;
                }
                catch (Exception e)
                {
                    return e;
                }
            }

            var results = await Task.WhenAll(AttemptAsync(), AttemptAsync());
            Assert.Single(results, r => r is null);
            var loser = Assert.IsType<RuleException>(Assert.Single(results, r => r is not null));
            Assert.Equal("Outcomes.Campaign.Error.Locked", loser.Key);

            var facts = await FactsAsync(host, campaign.Id);
            Assert.Equal(4, facts.Count);
            Assert.Equal(10 + round, facts.Where(f => f.KpiId == kpis.Flow.Id).Sum(f => f.Value));
            var rollups = await RollupsAsync(host, campaign.Id);
            Assert.Equal(2, rollups.Count(r => r.Dimension == RollupDimension.Total));   // one per KPI, site unknown
            Assert.Equal(10 + round, rollups.Single(r => r.Dimension == RollupDimension.Total && r.KpiId == kpis.Flow.Id).Sum);
            Assert.Equal(6, rollups.Single(r => r.Dimension == RollupDimension.Total && r.KpiId == kpis.Stock.Id).Sum);
            var locked = await host.QueryAsync(db => db.KpiCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id));
            Assert.Equal(CampaignStatus.Locked, locked.Status);
            Assert.NotNull(locked.LockedAt);
            Assert.NotNull(locked.LockedBy);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task Unknown_ids_deadlines_and_empty_campaigns_are_refused(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var quarter = ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous;
        var missing = Guid.NewGuid();

        async Task<string> KeyAsync(Func<CampaignService, Task> work) =>
            (await Assert.ThrowsAsync<RuleException>(() => host.WithAsync(work))).Key;

        Assert.Equal("Outcomes.Campaign.Error.NotFound", await KeyAsync(s => s.SaveAsync(missing, [])));
        Assert.Equal("Outcomes.Campaign.Error.NotFound", await KeyAsync(s => s.SubmitAsync(missing, Operator)));
        Assert.Equal("Outcomes.Campaign.Error.NotFound", await KeyAsync(s => s.ReviewAsync(missing, [], Operator)));
        Assert.Equal("Outcomes.Campaign.Error.NotFound", await KeyAsync(s => s.RemoveEvidenceAsync(missing, Guid.NewGuid())));
        Assert.Equal("Outcomes.Campaign.Error.NotFound", await KeyAsync(s => s.ExtendAsync(missing, host.Today().AddDays(10))));
        Assert.Equal("Outcomes.Campaign.Error.NotFound", await KeyAsync(s => s.LockAsync(missing, Operator)));
        Assert.Null(await host.WithAsync<CampaignService, (KpiTask, KpiCampaign)?>(s => s.TaskAsync(missing)));

        // Organizations or KPIs that do not exist leave nothing to ask.
        Assert.Equal("Outcomes.Campaign.Error.NoOrganizations", await KeyAsync(s =>
            s.OpenAsync(new CampaignInput("조사", "Survey", quarter, host.Today().AddDays(10),
            CampaignTarget.Selected, null, [Guid.NewGuid()], [kpis.Flow.Id]), Operator)));
        var org = (await OrganizationsAsync(host, OrganizationType.Startup))[0];
        Assert.Equal("Outcomes.Campaign.Error.NoKpis", await KeyAsync(s => s.OpenAsync(new CampaignInput("조사", "Survey", quarter,
            host.Today().AddDays(10), CampaignTarget.Selected, null, [org.Id], [Guid.NewGuid()]), Operator)));
        Assert.Equal("Outcomes.Campaign.Error.FuturePeriod", await KeyAsync(s =>
            s.OpenAsync(new CampaignInput("조사", "Survey", quarter.Next.Next,
            host.Today().AddDays(200), CampaignTarget.Selected, null, [org.Id], [kpis.Flow.Id]), Operator)));
        Assert.Equal(0, await host.QueryAsync(db => db.KpiTasks.CountAsync(t => t.OrganizationId == org.Id)));

        // The deadline moves forward, never into the past.
        var campaign = await OpenAsync(host, quarter, [org], [kpis.Flow.Id], Operator);
        await RetireAsync(host, kpis);
        await host.WithAsync<CampaignService>(s => s.ExtendAsync(campaign.Id, host.Today().AddDays(40)));
        Assert.Equal("Outcomes.Campaign.Error.DueDate", await KeyAsync(s => s.ExtendAsync(campaign.Id, host.Today().AddDays(-1))));
        Assert.Equal(host.Today().AddDays(40), (await host.QueryAsync(db =>
            db.KpiCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id))).DueOn);

        // A campaign locked with nobody reporting writes no facts but still counts who was asked.
        Assert.Equal(0, await host.WithAsync<CampaignService, int>(s => s.LockAsync(campaign.Id, Operator)));
        var total = Assert.Single(await RollupsAsync(host, campaign.Id), r => r.Dimension == RollupDimension.Total);
        Assert.Equal((0L, 0, 1), (total.Sum, total.Reporting, total.Expected));
        Assert.Equal("Outcomes.Campaign.Error.Locked", await KeyAsync(s => s.SubmitAsync(campaign.Tasks[0].Id, Operator)));
    }

    [Theory, OnEveryDatabase]
    public async Task A_retired_kpi_is_not_asked_for_in_a_new_campaign_but_stays_in_open_ones(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var orgs = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Sme);
        var quarter = ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous;
        var open = await OpenAsync(host, quarter, [orgs[0]], [kpis.Flow.Id, kpis.Stock.Id], Operator);
        await RetireAsync(host, kpis);

        // Regression: an explicit list used to ask for retired KPIs too.
        Assert.Equal("Outcomes.Campaign.Error.NoKpis", (await Assert.ThrowsAsync<RuleException>(() =>
            OpenAsync(host, quarter, [orgs[1]], [kpis.Flow.Id, kpis.Stock.Id], Operator))).Key);
        var active = await host.QueryAsync(db => db.KpiDefinitions.Where(k => k.Active).OrderBy(k => k.SortOrder)
            .Select(k => k.Id).FirstAsync());
        var mixed = await OpenAsync(host, quarter, [orgs[1]], [kpis.Flow.Id, active], Operator);
        Assert.Equal([active], mixed.KpiIds);

        var stillAsked = await host.QueryAsync(db => db.KpiCampaigns.AsNoTracking().SingleAsync(c => c.Id == open.Id));
        Assert.Equal([kpis.Flow.Id, kpis.Stock.Id], stillAsked.KpiIds);
        Assert.Equal(2, (await host.WithAsync<CampaignService, List<KpiDefinition>>(s => s.KpisOfAsync(stillAsked))).Count);
    }
}
