using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SeoulAiHub.Platform.Authorization;

namespace SeoulAiHub.Features.Account;

public static class AccountEndpoints
{
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
