using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>
/// Helpers for the outcomes service tests. Every test makes its own organizations (not residents, so no residents'
/// campaign of another test takes them in) and its own KPIs, which isolate every figure. A retired KPI cannot be asked
/// for in a new campaign, so a test opens its campaigns first and then retires its KPIs (<see cref="RetireAsync"/>):
/// they stay on no dashboard and in no "every active KPI" campaign of another test for longer than that.
/// </summary>
internal static class OutcomesServiceScenario
{
    /// <summary>A test KPI pair: revenue-like (flow, evidence required) and headcount-like (stock).</summary>
    public static async Task<(KpiDefinition Flow, KpiDefinition Stock)> KpisAsync(HubAppFactory host)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var flow = KpiDefinition.Create($"t-rev-{suffix}", "시험 매출", "Test revenue", KpiUnit.Krw, KpiKind.Flow,
            evidenceRequired: true, 9_000);
        var stock = KpiDefinition.Create($"t-head-{suffix}", "시험 인원", "Test headcount", KpiUnit.Persons, KpiKind.Stock,
            evidenceRequired: false, 9_001);
        await host.QueryAsync(async db =>
        {
            db.KpiDefinitions.AddRange(flow, stock);
            return await db.SaveChangesAsync();
        });
        return (flow, stock);
    }

    /// <summary>Retires the test's KPIs; campaigns already open keep asking for them.</summary>
    public static Task RetireAsync(HubAppFactory host, (KpiDefinition Flow, KpiDefinition Stock) kpis) =>
        host.QueryAsync(async db =>
        {
            foreach (var kpi in await db.KpiDefinitions.Where(k => k.Id == kpis.Flow.Id || k.Id == kpis.Stock.Id).ToListAsync())
            {
                kpi.Update(kpi.NameKo, kpi.NameEn, kpi.Unit, kpi.Kind, kpi.EvidenceRequired, kpi.AllowsNegative,
                    kpi.SortOrder, active: false);
            }

            return await db.SaveChangesAsync();
        });

    public static async Task<List<Organization>> OrganizationsAsync(HubAppFactory host, params OrganizationType[] types)
    {
        var result = new List<Organization>();
        foreach (var type in types)
        {
            result.Add(await host.CreateOrganizationAsync(type: type, status: TenancyStatus.None));
        }

        return result;
    }

    public static Task<KpiCampaign> OpenAsync(HubAppFactory host, ReportingPeriod period, IEnumerable<Organization> organizations,
        IReadOnlyCollection<Guid> kpis, Guid by) =>
        host.WithAsync<CampaignService, KpiCampaign>(s => s.OpenAsync(new CampaignInput($"시험 조사 {period.Code}",
            $"Test survey {period.Code}", period, host.Today().AddDays(14), CampaignTarget.Selected, null,
            [.. organizations.Select(o => o.Id)], kpis), by));

    public static Task<Guid> TaskIdAsync(HubAppFactory host, Guid campaignId, Guid organizationId) =>
        host.QueryAsync(db => db.KpiTasks.Where(t => t.CampaignId == campaignId && t.OrganizationId == organizationId)
            .Select(t => t.Id).SingleAsync());

    public static async Task<KpiTask> TaskAsync(HubAppFactory host, Guid taskId) =>
        (await host.WithAsync<CampaignService, (KpiTask Task, KpiCampaign Campaign)?>(s => s.TaskAsync(taskId)))!.Value.Task;

    public static async Task<KpiEvidence> EvidenceAsync(HubAppFactory host, Guid taskId, Guid kpiId, Guid by)
    {
        var (evidence, error) = await host.WithAsync<CampaignService, (KpiEvidence?, string?)>(s =>
            s.AddEvidenceAsync(taskId, kpiId, SeoulAiHub.Tests.Programs.ProgramsServiceScenario.PdfFile("세금계산서.pdf"), by));
        Assert.Null(error);
        return evidence!;
    }

    /// <summary>Saves values, attaches evidence to the flow KPI when it is not zero, submits and accepts.</summary>
    public static async Task ReportAcceptedAsync(HubAppFactory host, Guid campaignId, Guid organizationId, Guid by,
        (KpiDefinition Flow, KpiDefinition Stock) kpis, long flow, long stock, string? note = null)
    {
        var taskId = await TaskIdAsync(host, campaignId, organizationId);
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskId, [new KpiEntry(kpis.Flow.Id, flow, note),
            new KpiEntry(kpis.Stock.Id, stock, note)]));
        if (flow != 0)
        {
            await EvidenceAsync(host, taskId, kpis.Flow.Id, by);
        }

        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskId, by));
        await host.WithAsync<CampaignService>(s => s.ReviewAsync(taskId, [], by));
    }

    public static Task<List<KpiFact>> FactsAsync(HubAppFactory host, Guid campaignId) =>
        host.QueryAsync(db => db.KpiFacts.AsNoTracking().Where(f => f.CampaignId == campaignId).ToListAsync());

    public static Task<List<KpiRollup>> RollupsAsync(HubAppFactory host, Guid campaignId) =>
        host.QueryAsync(db => db.KpiRollups.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync());

    public static Task<List<RollupCell>> TotalCellsAsync(HubAppFactory host, Guid kpiId) =>
        host.QueryAsync(db => db.KpiRollups.AsNoTracking().Where(r => r.KpiId == kpiId && r.Dimension == RollupDimension.Total)
            .Select(r => new RollupCell(r.EndMonth, r.Months, r.Sum, r.Reporting, r.Expected)).ToListAsync());

    public static HubDb Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<HubDb>();
}
