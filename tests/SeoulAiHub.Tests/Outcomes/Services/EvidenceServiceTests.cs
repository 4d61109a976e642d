using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>Evidence files through the service: checked, stored, and removed while their value can change.</summary>
public sealed class EvidenceServiceTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    [Theory, OnEveryDatabase]
    public async Task Evidence_is_checked_stored_and_removed_through_the_service(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var other = await KpisAsync(host);
        await RetireAsync(host, other);
        var org = (await OrganizationsAsync(host, OrganizationType.Startup))[0];
        var campaign = await OpenAsync(host, ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous, [org],
            [kpis.Flow.Id, kpis.Stock.Id], Operator);
        await RetireAsync(host, kpis);
        var taskId = await TaskIdAsync(host, campaign.Id, org.Id);

        // Not a document: refused with a message, nothing stored.
        var bytes = Encoding.ASCII.GetBytes("MZ this is not a pdf at all");
        var (none, error) = await host.WithAsync<CampaignService, (KpiEvidence?, string?)>(s =>
            s.AddEvidenceAsync(taskId, kpis.Flow.Id, new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", "계산서.pdf"), Operator));
        Assert.Null(none);
        Assert.Equal("Programs.Document.Error.Type", error);
        Assert.Empty((await TaskAsync(host, taskId)).Evidence);

        // A KPI the campaign does not ask for.
        Assert.Equal("Outcomes.Campaign.Error.UnknownKpi", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService, (KpiEvidence?, string?)>(s =>
                s.AddEvidenceAsync(taskId, other.Flow.Id, SeoulAiHub.Tests.Programs.ProgramsServiceScenario.PdfFile(), Operator)))).Key);

        var first = await EvidenceAsync(host, taskId, kpis.Flow.Id, Operator);
        var second = await EvidenceAsync(host, taskId, kpis.Flow.Id, Operator);
        Assert.Equal(2, (await TaskAsync(host, taskId)).Evidence.Count);
        Assert.Equal(KpiTaskStatus.NotStarted, (await TaskAsync(host, taskId)).Status);   // evidence alone is not a draft
        await host.WithAsync<CampaignService>(s => s.RemoveEvidenceAsync(taskId, first.Id));
        Assert.Equal([second.Id], (await TaskAsync(host, taskId)).Evidence.Select(e => e.Id));
        Assert.Equal("Outcomes.Campaign.Error.NoEvidence", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService>(s => s.RemoveEvidenceAsync(taskId, first.Id)))).Key);

        // The remaining file still satisfies the evidence rule.
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskId, [new KpiEntry(kpis.Flow.Id, 5_000_000, null),
            new KpiEntry(kpis.Stock.Id, 3, null)]));
        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskId, Operator));
        Assert.Equal(KpiTaskStatus.Submitted, (await TaskAsync(host, taskId)).Status);
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService>(s => s.RemoveEvidenceAsync(taskId, second.Id)))).Key);
    }
}
