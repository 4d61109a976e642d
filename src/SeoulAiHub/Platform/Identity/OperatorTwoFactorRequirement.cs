using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace SeoulAiHub.Platform.Identity;

/// <summary>
/// When operators must use two-factor, an operator whose session was not opened with a second factor
/// (no <c>amr=mfa</c> claim) can reach only the account pages, where they set up an authenticator.
/// </summary>
internal static class OperatorTwoFactorRequirement
{
    public const string SetupPath = "/account/two-factor";

    public static IApplicationBuilder UseOperatorTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<HubOptions>>().Value;
            if (options.RequireOperatorTwoFactor && MustSetUpTwoFactor(context.User) && !IsAllowedWithoutIt(context.Request.Path))
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect(SetupPath);
                return;
            }

            await next(context);
        });

    public static bool MustSetUpTwoFactor(ClaimsPrincipal user) =>
        user.IsInRole(HubRoles.Operator) && !user.HasClaim("amr", "mfa");

    private static bool IsAllowedWithoutIt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/culture") ||
        path.StartsWithSegments("/error") || path.StartsWithSegments("/healthz");
}
