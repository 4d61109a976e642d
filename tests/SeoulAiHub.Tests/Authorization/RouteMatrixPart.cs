using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>
/// A module's rows of the route matrix, kept in the module's own test folder: it makes the records its routes need for
/// the two organizations of the run and says what each role gets on each route. <see cref="RouteMatrixTests"/> finds
/// every part in this assembly, so a new module brings its routes in one file of its own.
/// </summary>
public interface IRouteMatrixPart
{
    /// <summary>The rows: a GET address and what it answers each role (one of <see cref="MatrixAnswers"/>).</summary>
    /// <param name="host">The shared host of the provider under test.</param>
    /// <param name="ownOrganization">The organization of the signed-in member (when the role has one).</param>
    /// <param name="otherOrganization">An organization the signed-in person has nothing to do with.</param>
    Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization);
}

/// <summary>
/// The answers the matrix tells apart, and the access rules many routes share. Anonymous people are sent to sign in
/// (pages) or get 401 (API), signed-in people without the role get the access-denied page (403 for the API), and
/// private records of another organization answer 404.
/// </summary>
public static class MatrixAnswers
{
    public const string Ok = "200";
    public const string SignIn = "sign-in";
    public const string Denied = "denied";
    public const string NotFound = "404";
    public const string Unauthorized = "401";

    /// <summary>The role name the matrix uses for nobody signed in.</summary>
    public const string Anonymous = "Anonymous";

    public static string OperatorPage(string r) => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => Denied };

    public static string OversightPage(string r) =>
        r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => Denied };

    /// <summary>Records of the own organization: its members, operators and overseers; anyone else is told nothing exists.</summary>
    public static string OwnValues(string r) => r switch
    {
        Anonymous => SignIn,
        HubRoles.Operator or HubRoles.Overseer or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
        _ => NotFound,
    };

    /// <summary>Records of another organization: only operators and overseers see them.</summary>
    public static string OtherValues(string r) =>
        r switch { Anonymous => SignIn, HubRoles.Operator or HubRoles.Overseer => Ok, _ => NotFound };

    /// <summary>The API form of a page's rule: anonymous callers get 401 rather than the sign-in page.</summary>
    public static Func<string, string> Api(Func<string, string> page) => r => r == Anonymous ? Unauthorized : page(r);
}
