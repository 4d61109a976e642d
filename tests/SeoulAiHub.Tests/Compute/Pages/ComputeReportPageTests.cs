using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;

namespace SeoulAiHub.Tests.Compute.Pages;

/// <summary>The utilization and fairness report, with its charts and their tables.</summary>
public sealed class ComputeReportPageTests
{
    [Theory, OnEveryDatabase]
    public async Task The_report_shows_utilization_and_fairness_charts_with_their_tables(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var memberUser = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var opUser = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        await ActiveAllocationAsync(host, organization.Id, cluster.Id, "fair-lab", 500, memberUser.Id, opUser.Id);
        await ImportAsync(host, cluster.Id, string.Join('\n', SacctHeader, Job(host, 8001, "fair-lab", 8, 600)), opUser.Id);
        using var overseer = await host.SignedInClientAsync(await host.CreateAsync(HubRoles.Overseer));

        var page = await overseer.GetDocumentAsync("/compute/report");

        Assert.NotNull(page.QuerySelector($"table[data-cluster='{cluster.Id}']"));
        Assert.NotNull(page.QuerySelector($"svg[aria-labelledby^='util-{cluster.Id:N}']"));
        Assert.NotNull(page.QuerySelector("svg[aria-labelledby^='jain']"));
        Assert.Contains(organization.NameKo, page.QuerySelector("#fairness")!.TextContent, StringComparison.Ordinal);
        using var bad = await overseer.GetAsync("/compute/report?from=abc&to=9999-99");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }
}
