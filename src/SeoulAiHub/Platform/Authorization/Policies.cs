using Microsoft.AspNetCore.Authorization;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Platform.Authorization;

/// <summary>Coarse, per-route policies. Per-record checks are resource handlers in each module.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Operator = "Operator";

    /// <summary>Operators and overseers: the read-only oversight views.</summary>
    public const string Oversight = "Oversight";

    internal static void AddHubAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // No fallback policy: it would also apply to requests that match no endpoint, turning every 404 into a
            // sign-in redirect. Instead AuthorizationCoverageTests fail when any endpoint is neither public nor covered.
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Operator, p => p.RequireRole(HubRoles.Operator))
            .AddPolicy(Oversight, p => p.RequireRole(HubRoles.Operator, HubRoles.Overseer));
    }
}
