using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>The service's own rules around the entities: locking once, evidence, deadlines, unknown ids, access.</summary>
public sealed class CampaignServiceRulesTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    [Theory, OnEveryDatabase]
    public async Task Two_operators_locking_at_once_write_the_facts_once(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var quarter = ReportingPeriod.Containing(Today(host), PeriodGrain.Quarter).Previous;
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
            Assert.Equal("Campaign.Error.Locked", loser.Key);

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
    public async Task Evidence_is_checked_stored_and_removed_through_the_service(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var other = await KpisAsync(host);
        await RetireAsync(host, other);
        var org = (await OrganizationsAsync(host, OrganizationType.Startup))[0];
        var campaign = await OpenAsync(host, ReportingPeriod.Containing(Today(host), PeriodGrain.Quarter).Previous, [org], [kpis.Flow.Id, kpis.Stock.Id], Operator);
        await RetireAsync(host, kpis);
        var taskId = await TaskIdAsync(host, campaign.Id, org.Id);

        // Not a document: refused with a message, nothing stored.
        var bytes = Encoding.ASCII.GetBytes("MZ this is not a pdf at all");
        var (none, error) = await host.WithAsync<CampaignService, (KpiEvidence?, string?)>(s =>
            s.AddEvidenceAsync(taskId, kpis.Flow.Id, new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", "계산서.pdf"), Operator));
        Assert.Null(none);
        Assert.Equal("Document.Error.Type", error);
        Assert.Empty((await TaskAsync(host, taskId)).Evidence);

        // A KPI the campaign does not ask for.
        Assert.Equal("Campaign.Error.UnknownKpi", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService, (KpiEvidence?, string?)>(s =>
                s.AddEvidenceAsync(taskId, other.Flow.Id, SeoulAiHub.Tests.Programs.ProgramsServiceScenario.PdfFile(), Operator)))).Key);

        var first = await EvidenceAsync(host, taskId, kpis.Flow.Id, Operator);
        var second = await EvidenceAsync(host, taskId, kpis.Flow.Id, Operator);
        Assert.Equal(2, (await TaskAsync(host, taskId)).Evidence.Count);
        Assert.Equal(KpiTaskStatus.NotStarted, (await TaskAsync(host, taskId)).Status);   // evidence alone is not a draft
        await host.WithAsync<CampaignService>(s => s.RemoveEvidenceAsync(taskId, first.Id));
        Assert.Equal([second.Id], (await TaskAsync(host, taskId)).Evidence.Select(e => e.Id));
        Assert.Equal("Campaign.Error.NoEvidence", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService>(s => s.RemoveEvidenceAsync(taskId, first.Id)))).Key);

        // The remaining file still satisfies the evidence rule.
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskId, [new KpiEntry(kpis.Flow.Id, 5_000_000, null), new KpiEntry(kpis.Stock.Id, 3, null)]));
        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskId, Operator));
        Assert.Equal(KpiTaskStatus.Submitted, (await TaskAsync(host, taskId)).Status);
        Assert.Equal("Campaign.Error.NotEditable", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService>(s => s.RemoveEvidenceAsync(taskId, second.Id)))).Key);
    }

    [Theory, OnEveryDatabase]
    public async Task Unknown_ids_deadlines_and_empty_campaigns_are_refused(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var quarter = ReportingPeriod.Containing(Today(host), PeriodGrain.Quarter).Previous;
        var missing = Guid.NewGuid();

        async Task<string> KeyAsync(Func<CampaignService, Task> work) =>
            (await Assert.ThrowsAsync<RuleException>(() => host.WithAsync(work))).Key;

        Assert.Equal("Campaign.Error.NotFound", await KeyAsync(s => s.SaveAsync(missing, [])));
        Assert.Equal("Campaign.Error.NotFound", await KeyAsync(s => s.SubmitAsync(missing, Operator)));
        Assert.Equal("Campaign.Error.NotFound", await KeyAsync(s => s.ReviewAsync(missing, [], Operator)));
        Assert.Equal("Campaign.Error.NotFound", await KeyAsync(s => s.RemoveEvidenceAsync(missing, Guid.NewGuid())));
        Assert.Equal("Campaign.Error.NotFound", await KeyAsync(s => s.ExtendAsync(missing, Today(host).AddDays(10))));
        Assert.Equal("Campaign.Error.NotFound", await KeyAsync(s => s.LockAsync(missing, Operator)));
        Assert.Null(await host.WithAsync<CampaignService, (KpiTask, KpiCampaign)?>(s => s.TaskAsync(missing)));

        // Organizations or KPIs that do not exist leave nothing to ask.
        Assert.Equal("Campaign.Error.NoOrganizations", await KeyAsync(s => s.OpenAsync(new CampaignInput("조사", "Survey", quarter, Today(host).AddDays(10),
            CampaignTarget.Selected, null, [Guid.NewGuid()], [kpis.Flow.Id]), Operator)));
        var org = (await OrganizationsAsync(host, OrganizationType.Startup))[0];
        Assert.Equal("Campaign.Error.NoKpis", await KeyAsync(s => s.OpenAsync(new CampaignInput("조사", "Survey", quarter, Today(host).AddDays(10),
            CampaignTarget.Selected, null, [org.Id], [Guid.NewGuid()]), Operator)));
        Assert.Equal("Campaign.Error.FuturePeriod", await KeyAsync(s => s.OpenAsync(new CampaignInput("조사", "Survey", quarter.Next.Next, Today(host).AddDays(200),
            CampaignTarget.Selected, null, [org.Id], [kpis.Flow.Id]), Operator)));
        Assert.Equal(0, await host.QueryAsync(db => db.KpiTasks.CountAsync(t => t.OrganizationId == org.Id)));

        // The deadline moves forward, never into the past.
        var campaign = await OpenAsync(host, quarter, [org], [kpis.Flow.Id], Operator);
        await RetireAsync(host, kpis);
        await host.WithAsync<CampaignService>(s => s.ExtendAsync(campaign.Id, Today(host).AddDays(40)));
        Assert.Equal("Campaign.Error.DueDate", await KeyAsync(s => s.ExtendAsync(campaign.Id, Today(host).AddDays(-1))));
        Assert.Equal(Today(host).AddDays(40), (await host.QueryAsync(db => db.KpiCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id))).DueOn);

        // A campaign locked with nobody reporting writes no facts but still counts who was asked.
        Assert.Equal(0, await host.WithAsync<CampaignService, int>(s => s.LockAsync(campaign.Id, Operator)));
        var total = Assert.Single(await RollupsAsync(host, campaign.Id), r => r.Dimension == RollupDimension.Total);
        Assert.Equal((0L, 0, 1), (total.Sum, total.Reporting, total.Expected));
        Assert.Equal("Campaign.Error.Locked", await KeyAsync(s => s.SubmitAsync(campaign.Tasks[0].Id, Operator)));
    }

    [Theory, OnEveryDatabase]
    public async Task A_retired_kpi_is_not_asked_for_in_a_new_campaign_but_stays_in_open_ones(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var orgs = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Sme);
        var quarter = ReportingPeriod.Containing(Today(host), PeriodGrain.Quarter).Previous;
        var open = await OpenAsync(host, quarter, [orgs[0]], [kpis.Flow.Id, kpis.Stock.Id], Operator);
        await RetireAsync(host, kpis);

        // Regression: an explicit list used to ask for retired KPIs too.
        Assert.Equal("Campaign.Error.NoKpis", (await Assert.ThrowsAsync<RuleException>(() =>
            OpenAsync(host, quarter, [orgs[1]], [kpis.Flow.Id, kpis.Stock.Id], Operator))).Key);
        var active = await host.QueryAsync(db => db.KpiDefinitions.Where(k => k.Active).OrderBy(k => k.SortOrder).Select(k => k.Id).FirstAsync());
        var mixed = await OpenAsync(host, quarter, [orgs[1]], [kpis.Flow.Id, active], Operator);
        Assert.Equal([active], mixed.KpiIds);

        var stillAsked = await host.QueryAsync(db => db.KpiCampaigns.AsNoTracking().SingleAsync(c => c.Id == open.Id));
        Assert.Equal([kpis.Flow.Id, kpis.Stock.Id], stillAsked.KpiIds);
        Assert.Equal(2, (await host.WithAsync<CampaignService, List<KpiDefinition>>(s => s.KpisOfAsync(stillAsked))).Count);
    }

    [Theory, OnEveryDatabase]
    public async Task Only_members_operators_and_overseers_reach_an_organizations_values(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var orgs = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Startup);
        var member = await host.CreateAsync(HubRoles.TenantMember, orgs[0].Id);
        var otherMember = await host.CreateAsync(HubRoles.TenantMember, orgs[1].Id);

        static ClaimsPrincipal User(Guid? id, params string[] roles) => new(new ClaimsIdentity(
            (id is { } i ? new[] { new Claim(ClaimTypes.NameIdentifier, i.ToString()) } : [])
                .Concat(roles.Select(r => new Claim(ClaimTypes.Role, r))), id is null ? null : "test"));

        Task<ValuesAccess> AccessAsync(ClaimsPrincipal user, Guid org) => host.WithAsync<OutcomeAccess, ValuesAccess>(a => a.ForAsync(user, org));

        Assert.Equal(ValuesAccess.Report, await AccessAsync(User(member.Id, HubRoles.TenantMember), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(member.Id, HubRoles.TenantMember), orgs[1].Id));
        Assert.Equal(ValuesAccess.Read, await AccessAsync(User(Guid.NewGuid(), HubRoles.Overseer), orgs[0].Id));
        Assert.Equal(ValuesAccess.Report, await AccessAsync(User(otherMember.Id, HubRoles.TenantMember), orgs[1].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(otherMember.Id, HubRoles.TenantMember), orgs[0].Id));
        Assert.Equal(ValuesAccess.Read, await AccessAsync(User(otherMember.Id, HubRoles.Overseer), orgs[0].Id));
        Assert.Equal(ValuesAccess.Review, await AccessAsync(User(Guid.NewGuid(), HubRoles.Operator), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(Guid.NewGuid(), HubRoles.Reviewer), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(null), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(member.Id), orgs[1].Id));

        Assert.True(OutcomeAccess.SeesOrganizations(User(Guid.NewGuid(), HubRoles.Overseer)));
        Assert.True(OutcomeAccess.SeesOrganizations(User(Guid.NewGuid(), HubRoles.Operator)));
        Assert.False(OutcomeAccess.SeesOrganizations(User(member.Id, HubRoles.TenantMember)));
        Assert.False(OutcomeAccess.SeesOrganizations(User(null)));
    }
}
