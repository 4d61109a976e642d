using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.Running.OperatorPages;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>The operator pages are the operators' alone.</summary>
public sealed class OperatorPageAccessTests
{
    [Theory, OnEveryDatabase]
    public async Task Only_operators_open_the_operator_pages(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);
        var program = await host.QueryAsync(db => db.Calls.Where(c => c.Id == call).Select(c => c.ProgramId).SingleAsync());
        var organization = await host.CreateOrganizationAsync();
        string[] routes =
        [
            "/programs", $"/programs/{program}", $"/calls/new?program={program}", $"/calls/{call}/edit", $"/calls/{call}/manage",
            $"/calls/{call}/ranking?stage=paper", $"/calls/{call}/ranking.csv?stage=paper",
        ];

        foreach (var role in new string?[] { null, HubRoles.TenantMember, HubRoles.Reviewer, HubRoles.Overseer, HubRoles.Operator })
        {
            using var client = await host.ClientAsync(role, role == HubRoles.TenantMember ? organization.Id : null);
            foreach (var route in routes)
            {
                using var response = await client.GetAsync(route);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (role == HubRoles.Operator)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {route}: {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                        $"{role ?? "anonymous"} {route}: {(int)response.StatusCode}");
                    Assert.Contains(role is null ? "/account/sign-in" : "/account/access-denied", location, StringComparison.Ordinal);
                }
            }
        }

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        foreach (var route in new[] { $"/programs/{Guid.NewGuid()}", $"/calls/new?program={Guid.NewGuid()}",
            $"/calls/{Guid.NewGuid()}/edit", $"/calls/{Guid.NewGuid()}/manage", $"/calls/{Guid.NewGuid()}/ranking" })
        {
            using var response = await operatorClient.GetAsync(route);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
