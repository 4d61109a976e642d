using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>
/// Every route is either explicitly public ([AllowAnonymous]) or covered by a named policy. A new page or endpoint
/// that forgets to say which fails here, before it can leak anything.
/// </summary>
public sealed class AuthorizationCoverageTests
{
    [Fact]
    public async Task Every_route_is_classified_as_public_or_covered_by_a_policy()
    {
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 15, "the endpoint list looks incomplete");

        var unclassified = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null &&
                        !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) ||
                        !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();

        Assert.True(unclassified.Count == 0, "Routes neither public nor covered by a policy: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task The_public_routes_are_exactly_the_ones_meant_to_be_public()
    {
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        var isPublic = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();

        string[] expected =
        [
            "", "healthz", "culture", "openapi/{documentName}.json", "api/hub/figures",
            "account/sign-in", "account/sign-in/two-factor", "account/register", "account/check-email",
            "account/confirm-email", "account/forgot-password", "account/reset-password", "account/access-denied",
            "error/{code:int?}", "directory", "organizations/{id:guid}", "api/organizations/", "api/organizations/{id:guid}",
            "organizations/{id:guid}/logo.img", "invitations/{id:guid}", "api/calls/", "api/calls/{id:guid}", "api/kpis", "calls",
            "calls/{id:guid}", "calls/{id:guid}/attachments/{attachmentId:guid}",
            "open-data", "open-data/outcomes.csv", "open-data/outcomes.json", "api/outcomes/aggregates", "you-said-we-did",
            "calendar/facilities/{id:guid}.ics", "calendar/me.ics",
        ];
        Assert.Equal(expected.Order(), isPublic.Order());
    }
}
