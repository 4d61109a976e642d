using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Platform;

/// <summary>
/// The rows of the route matrix for what the platform itself serves: the home page, health, the hub's figures, the API
/// description and the audit log (operators and overseers).
/// </summary>
internal sealed class PlatformRouteFixture : IRouteMatrixPart
{
    public Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        IReadOnlyList<(string Route, Func<string, string> Expect)> routes =
        [
            ("/", _ => Ok),
            ("/healthz", _ => Ok),
            ("/api/hub/figures", _ => Ok),
            ("/openapi/v1.json", _ => Ok),
            ("/admin/audit", r => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => Denied }),
        ];
        return Task.FromResult(routes);
    }
}
