using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Spaces;

/// <summary>
/// The tenancy and spaces rows of the route matrix: tenancy and the spaces admin are the operators'; occupancy is also
/// the overseers'.
/// </summary>
internal sealed class SpacesRouteFixture : IRouteMatrixPart
{
    public Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        IReadOnlyList<(string Route, Func<string, string> Expect)> routes =
        [
            ($"/organizations/{ownOrganization}/tenancy", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/spaces", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/spaces/occupancy", r => r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => Denied }),
        ];
        return Task.FromResult(routes);
    }
}
