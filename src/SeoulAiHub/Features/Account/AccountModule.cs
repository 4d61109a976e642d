using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SeoulAiHub.Platform;
using SeoulAiHub.Platform.Authorization;

namespace SeoulAiHub.Features.Account;

public static class AccountModule
{
    public static IServiceCollection AddAccountModule(this IServiceCollection services) =>
        services.AddScoped<AccountLinks>();

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

/// <summary>Absolute links for emails: the configured public address, else the address the request came in on.</summary>
public sealed class AccountLinks(IHttpContextAccessor http, IOptions<HubOptions> options)
{
    public string Build(string path, IDictionary<string, string?> query)
    {
        var configured = options.Value.PublicBaseUrl;
        var request = http.HttpContext?.Request;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return QueryHelpers.AddQueryString(baseUrl + path, query);
    }

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ReturnUrlOrHome(string? returnUrl) =>
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
