using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>Records of the outcomes module for the route matrix: a campaign asking two organizations, each with an evidence file.</summary>
internal sealed record OutcomesFixture(Guid Kpi, Guid Campaign, Guid OwnTask, Guid OwnEvidence, Guid OtherTask, Guid OtherEvidence)
{
    public static async Task<OutcomesFixture> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
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
            var file = await documents.SaveAsync("evidence.pdf", SeoulAiHub.Platform.Seeding.DemoPrograms.DemoPdf("Matrix evidence"));
            evidence.Add(task.AddEvidence(revenue, file, Guid.NewGuid(), now));
        }

        db.KpiCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        var own = campaign.Tasks.Single(t => t.OrganizationId == ownOrganization);
        var other = campaign.Tasks.Single(t => t.OrganizationId == otherOrganization);
        return new OutcomesFixture(revenue, campaign.Id, own.Id, own.Evidence.Single().Id, other.Id, other.Evidence.Single().Id);
    }
}
