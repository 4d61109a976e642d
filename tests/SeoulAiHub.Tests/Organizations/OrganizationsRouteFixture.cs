using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Organizations;

/// <summary>The organizations rows of the route matrix: the directory and profiles are public; editing is the operators' (anyone
/// else is told nothing exists); members are seen by the organization, operators and overseers.</summary>
internal sealed class OrganizationsRouteFixture : IRouteMatrixPart
{
    public Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        IReadOnlyList<(string Route, Func<string, string> Expect)> routes =
        [
            ("/directory", _ => Ok),
            ("/directory?q=AI&type=Startup&domain=vision", _ => Ok),
            ("/api/organizations", _ => Ok),
            ($"/api/organizations/{ownOrganization}", _ => Ok),
            ($"/organizations/{ownOrganization}", _ => Ok),
            ($"/organizations/{Guid.NewGuid()}", _ => NotFound),
            ($"/organizations/{ownOrganization}/edit", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/organizations/{otherOrganization}/edit", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/organizations/{otherOrganization}/logo", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ("/organizations/new/edit", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound }),
            ($"/invitations/{Guid.NewGuid()}?token=x", _ => Ok),
            ("/admin/taxonomies", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/organizations/import", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/api/organizations/export.csv", r => r switch { Anonymous => Unauthorized, HubRoles.Operator => Ok, _ => Denied }),
            ($"/organizations/{ownOrganization}/members", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
                _ => NotFound,
            }),
            ($"/organizations/{otherOrganization}/members", r => r switch
            {
                Anonymous => SignIn,
                HubRoles.Operator or HubRoles.Overseer => Ok,
                _ => NotFound,
            }),
        ];
        return Task.FromResult(routes);
    }
}
