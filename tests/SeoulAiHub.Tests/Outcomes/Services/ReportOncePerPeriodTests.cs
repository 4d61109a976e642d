using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>
/// An organization is asked for a period once: a campaign for an overlapping period of the same organizations is refused
/// with how many are taken; other organizations and other periods are fine.
/// </summary>
public sealed class ReportOncePerPeriodTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    [Theory, OnEveryDatabase]
    public async Task An_organization_reports_a_period_once(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var orgs = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Sme, OrganizationType.Startup,
            OrganizationType.University);
        var quarter = ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous;
        await OpenAsync(host, quarter, orgs.Take(2), [kpis.Flow.Id], Operator);

        async Task<RuleException> Refused(ReportingPeriod period, IEnumerable<Organization> organizations) =>
            await Assert.ThrowsAsync<RuleException>(() => OpenAsync(host, period, organizations, [kpis.Flow.Id], Operator));

        var again = await Refused(quarter, [orgs[1], orgs[2]]);
        Assert.Equal("Outcomes.Campaign.Error.Overlap", again.Key);
        Assert.Equal([1], again.Arguments);
        Assert.Equal([2], (await Refused(ReportingPeriod.Containing(quarter.EndsOn, PeriodGrain.Year), orgs)).Arguments);
        Assert.Equal("Outcomes.Campaign.Error.Overlap", (await Refused(ReportingPeriod.Containing(quarter.EndsOn, PeriodGrain.Half),
            [orgs[0]])).Key);

        // Other organizations, or another period, are fine.
        var others = await OpenAsync(host, quarter, orgs.Skip(2), [kpis.Flow.Id], Operator);
        Assert.Equal(2, others.Tasks.Count);
        var before = await OpenAsync(host, quarter.Previous, orgs.Take(2), [kpis.Flow.Id], Operator);
        Assert.Equal(2, before.Tasks.Count);
        await RetireAsync(host, kpis);
        var periodsOfB = await host.QueryAsync(db => (from t in db.KpiTasks
                                                     join c in db.KpiCampaigns on t.CampaignId equals c.Id
                                                     where t.OrganizationId == orgs[1].Id
                                                     select c.PeriodEndMonth).ToListAsync());
        Assert.Equal([quarter.Previous.EndMonth, quarter.EndMonth], periodsOfB.Order());
    }
}
