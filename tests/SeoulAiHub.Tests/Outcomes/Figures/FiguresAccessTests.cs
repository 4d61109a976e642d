using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Figures;

/// <summary>The dashboard and the report are the operators' and overseers' alone.</summary>
public sealed class FiguresAccessTests
{
    [Theory, OnEveryDatabase]
    public async Task Only_operators_and_overseers_open_the_dashboard_and_the_report(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var tenantOrg = await host.CreateOrganizationAsync();
        foreach (var url in new[] { "/outcomes", "/outcomes/report", "/outcomes/report.xlsx", $"/outcomes/programs/{Guid.NewGuid()}" })
        {
            using var anonymous = host.CreateHubClient();
            using var toSignIn = await anonymous.GetAsync(url);
            Assert.Contains("/account/sign-in", toSignIn.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            using var tenant = await host.ClientAsync(HubRoles.TenantMember, tenantOrg.Id);
            using var denied = await tenant.GetAsync(url);
            Assert.Contains("/account/access-denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        using var unknown = await overseer.GetAsync($"/outcomes/programs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
