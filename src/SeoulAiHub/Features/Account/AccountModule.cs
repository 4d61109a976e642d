using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SeoulAiHub.Platform.Authorization;

namespace SeoulAiHub.Features.Account;

public static class AccountModule
{
    public static IServiceCollection AddAccountModule(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/account").WithTags("Account")
            .RequireAuthorization(Policies.SignedIn)
            .MapGet("/me", GetMe);
        return app;
    }

    /// <summary>The signed-in person and their roles.</summary>
    public static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.UserId() ?? Guid.Empty,
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList()));
}

public sealed record MeResponse(Guid Id, string Email, IReadOnlyList<string> Roles);

/// <summary>Where to go after signing in: the asked address when it is local, else home.</summary>
internal static class ReturnUrls
{
    public static string OrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && Platform.Localization.LocalizationSetup.IsLocal(returnUrl) ? returnUrl : "/";
}

internal static class IdentityResultExtensions
{
    public static void AddTo(this IdentityResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(string.Empty, error.Description);
        }
    }
}
