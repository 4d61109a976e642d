using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>
/// Who may open what. Each role signs in once and walks every route; the table states the expected answer,
/// denials included (see <see cref="MatrixAnswers"/>). The rows come from each module's test folder
/// (<see cref="IRouteMatrixPart"/>).
/// </summary>
public sealed class RouteMatrixTests
{
    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            foreach (var role in new[]
                     {
                         Anonymous, HubRoles.Learner, HubRoles.TenantMember, HubRoles.DemandOrganizationMember, HubRoles.Reviewer,
                         HubRoles.Overseer, HubRoles.Operator,
                     })
            {
                rows.Add(provider, role);
            }
        }

        return rows;
    }

    /// <summary>Every module's part, in a fixed order so that a failure reads the same each run.</summary>
    private static IEnumerable<IRouteMatrixPart> Parts() =>
        typeof(RouteMatrixTests).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRouteMatrixPart).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IRouteMatrixPart)Activator.CreateInstance(t)!);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_role_gets_exactly_what_the_matrix_says(string provider, string role)
    {
        var host = await TestHosts.GetAsync(provider);
        var ownOrganization = await host.CreateOrganizationAsync();
        var otherOrganization = await host.CreateOrganizationAsync();
        var organizationId = HubRoles.NeedsOrganization(role) ? ownOrganization.Id : (Guid?)null;
        using var client = await host.ClientAsync(role == Anonymous ? null : role, organizationId);
        var matrix = new List<(string Route, Func<string, string> Expect)>();
        foreach (var part in Parts())
        {
            matrix.AddRange(await part.RoutesAsync(host, ownOrganization.Id, otherOrganization.Id));
        }

        Assert.NotEmpty(matrix);
        var mismatches = new List<string>();
        foreach (var (route, expect) in matrix)
        {
            using var response = await client.GetAsync(route);
            var actual = Classify(response);
            var expected = expect(role);
            if (actual != expected)
            {
                mismatches.Add($"{route}: expected {expected}, got {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{role} on {provider}: " + string.Join("; ", mismatches));
    }

    private static string Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.NotFound => NotFound,
            HttpStatusCode.Unauthorized => Unauthorized,
            HttpStatusCode.Forbidden => Denied,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
            HttpStatusCode.Redirect when location.Contains("/account/access-denied", StringComparison.Ordinal) => Denied,
            _ => $"{(int)response.StatusCode} {location}",
        };
    }
}
