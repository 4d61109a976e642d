using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Account;

/// <summary>
/// The account rows of the route matrix: signing in and registering are public, the own account needs a session, the
/// pages that manage people are the operators'.
/// </summary>
internal sealed class AccountRouteFixture : IRouteMatrixPart
{
    public Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        IReadOnlyList<(string Route, Func<string, string> Expect)> routes =
        [
            ("/account/sign-in", _ => Ok),
            ("/account/register", _ => Ok),
            ("/account", r => r == Anonymous ? SignIn : Ok),
            ("/account/two-factor", r => r == Anonymous ? SignIn : Ok),
            ("/api/account/me", r => r == Anonymous ? Unauthorized : Ok),
            ("/admin/users", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
            ("/admin/memberships", r => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied }),
        ];
        return Task.FromResult(routes);
    }
}
