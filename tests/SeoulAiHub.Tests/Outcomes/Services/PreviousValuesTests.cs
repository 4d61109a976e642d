using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>What a report is compared with when the previous period was reported in a finer grain.</summary>
public sealed class PreviousValuesTests
{
    [Theory, OnEveryDatabase]
    public async Task A_half_after_quarterly_reports_sees_the_quarters_sum_for_a_flow_and_the_last_quarter_for_a_stock(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        await RetireAsync(host, kpis);
        var organizations = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Startup);
        var (whole, partial) = (organizations[0].Id, organizations[1].Id);
        var h1 = ReportingPeriod.Of(PeriodGrain.Half, 2024, 1);
        var q1 = ReportingPeriod.Of(PeriodGrain.Quarter, 2024, 1);
        var q2 = ReportingPeriod.Of(PeriodGrain.Quarter, 2024, 2);
        var campaign = Guid.NewGuid();
        await host.QueryAsync(db =>
        {
            db.KpiFacts.AddRange(
                KpiFact.Of(whole, kpis.Flow.Id, q1, 100, campaign, null),
                KpiFact.Of(whole, kpis.Flow.Id, q2, 250, campaign, null),
                KpiFact.Of(whole, kpis.Stock.Id, q1, 7, campaign, null),
                KpiFact.Of(whole, kpis.Stock.Id, q2, 9, campaign, null),
                KpiFact.Of(partial, kpis.Flow.Id, q2, 400, campaign, null),
                KpiFact.Of(partial, kpis.Stock.Id, q1, 5, campaign, null));
            return db.SaveChangesAsync();
        });

        var h2 = h1.Next;
        var full = await host.WithAsync<CampaignService, Dictionary<Guid, long>>(s => s.PreviousValuesAsync(whole, h2));
        Assert.Equal(350, full[kpis.Flow.Id]);
        Assert.Equal(9, full[kpis.Stock.Id]);

        // Only Q2 of the flow: not the half's figure. A Q1 headcount is not the half's closing headcount.
        var gaps = await host.WithAsync<CampaignService, Dictionary<Guid, long>>(s => s.PreviousValuesAsync(partial, h2));
        Assert.Empty(gaps);

        // Quarter after quarter still compares with the quarter before.
        var quarterly = await host.WithAsync<CampaignService, Dictionary<Guid, long>>(s => s.PreviousValuesAsync(whole, q2.Next));
        Assert.Equal(250, quarterly[kpis.Flow.Id]);
        Assert.Equal(9, quarterly[kpis.Stock.Id]);
    }
}
