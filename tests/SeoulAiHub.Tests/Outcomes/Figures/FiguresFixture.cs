using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Figures;

/// <summary>
/// A small hub of its own inside the shared host: a new site with four organizations in its rooms (three startups and
/// one university), and two locked campaigns (2025-Q1 and 2025-Q2) run through <see cref="CampaignService"/>. Every
/// figure filtered on this site is this fixture's, whatever other tests add meanwhile.
/// </summary>
public sealed record FiguresFixture(Guid SiteId, IReadOnlyList<Organization> Organizations)
{
    public static readonly ReportingPeriod Q1 = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 1);
    public static readonly ReportingPeriod Q2 = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 2);
    public static readonly string[] Kpis = ["headcount", "new-hires", "papers"];

    public string Query => $"site={SiteId}&from={Q1.Code}&to={Q2.Code}";

    /// <summary>Headcount of organization i in the quarter (1 or 2): 10 + i, then 12 + i.</summary>
    public static long Headcount(int i, int quarter) => quarter == 1 ? 10 + i : 12 + i;

    public static async Task<FiguresFixture> CreateAsync(HubAppFactory host)
    {
        var operatorId = (await host.CreateAsync(SeoulAiHub.Platform.Identity.HubRoles.Operator)).Id;
        var organizations = new List<Organization>();
        Guid siteId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var site = Site.Create($"성과시험 거점 {Guid.NewGuid():N}", "Figures test site", "서울");
            var floor = Floor.Create(site, 1);
            db.AddRange(site, floor);
            var start = new DateOnly(2024, 1, 2);
            for (var i = 0; i < 4; i++)
            {
                var suffix = Guid.NewGuid().ToString("N")[..8];
                var type = i < 3 ? OrganizationType.Startup : OrganizationType.University;

                // Not residents: campaigns of all residents opened by other tests must not reach these organizations.
                var organization = Organization.Create($"성과시험기관 {suffix}", $"Figures Org {suffix}", type, TenancyStatus.None,
                    DateTimeOffset.UtcNow);
                var room = Room.Create(floor, $"1{i:00}", RoomKind.Office, 30m + i);
                var tenancy = Tenancy.Apply(organization.Id, start);
                tenancy.Admit(start, start.AddYears(3), null);
                tenancy.MoveIn(start);
                tenancy.AssignRoom(room, start, null);
                db.AddRange(organization, room, tenancy);
                organizations.Add(organization);
            }

            await db.SaveChangesAsync();
            siteId = site.Id;
        }

        foreach (var (period, quarter) in new[] { (Q1, 1), (Q2, 2) })
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var service = scope.ServiceProvider.GetRequiredService<CampaignService>();
            var kpis = await db.KpiDefinitions.Where(k => Kpis.Contains(k.Code)).ToDictionaryAsync(k => k.Code, k => k.Id);
            var campaign = await service.OpenAsync(new CampaignInput($"성과시험 {period.Code}", $"Figures test {period.Code}", period,
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), CampaignTarget.Selected, null, [.. organizations.Select(o => o.Id)],
                [.. kpis.Values]), operatorId);
            var tasks = await db.KpiTasks.AsNoTracking().Where(t => t.CampaignId == campaign.Id).ToListAsync();
            foreach (var task in tasks)
            {
                var i = organizations.FindIndex(o => o.Id == task.OrganizationId);
                await service.SaveAsync(task.Id,
                [
                    new KpiEntry(kpis["headcount"], Headcount(i, quarter), null),
                    new KpiEntry(kpis["new-hires"], quarter + 1, null),
                    new KpiEntry(kpis["papers"], i + quarter - 1, null),
                ]);
                await service.SubmitAsync(task.Id, operatorId);
                await service.ReviewAsync(task.Id, [.. kpis.Values.Select(k => new LineDecision(k, true, null))], operatorId);
            }

            await service.LockAsync(campaign.Id, operatorId);
        }

        return new FiguresFixture(siteId, organizations);
    }

    public async Task<Dashboard> DashboardAsync(HubAppFactory host, ReportingPeriod from, ReportingPeriod to, bool isPublic)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutcomeFigures>()
            .DashboardAsync(new DashboardFilter(from, to, SiteId, isPublic));
    }

    /// <summary>The standard KPIs: other tests add and retire KPIs of their own meanwhile, so comparisons keep to these.</summary>
    public static readonly HashSet<string> Standard = [.. StandardKpis.Create().Select(k => k.Code)];

    public static bool IsStandard(string key) => Standard.Contains(key.Split('|')[0]);

    public static Dictionary<string, long?> OnlyStandard(Dictionary<string, long?> figures) =>
        figures.Where(f => IsStandard(f.Key)).ToDictionary();

    /// <summary>Every figure of a dashboard by "kpi|segment|key" (the period for totals), straight from the model.</summary>
    public static Dictionary<string, long?> Figures(Dashboard d)
    {
        var result = new Dictionary<string, long?>();
        foreach (var k in d.Kpis)
        {
            var code = k.Kpi.Code;
            for (var i = 0; i < d.Periods.Count; i++)
            {
                result[$"{code}|total|{d.Periods[i].Code}"] = k.Trend[i].Sum;
            }

            foreach (var s in k.ByDomain)
            {
                result[$"{code}|domain|{s.Key}"] = s.Figure.Sum;
            }

            foreach (var s in k.ByType)
            {
                result[$"{code}|type|{s.Key}"] = s.Figure.Sum;
            }

            foreach (var p in k.ByProgram)
            {
                result[$"{code}|program-awardees|{p.ProgramId}"] = p.Awardees.Sum;
                result[$"{code}|program-others|{p.ProgramId}"] = p.Others.Sum;
            }
        }

        return result;
    }
}
