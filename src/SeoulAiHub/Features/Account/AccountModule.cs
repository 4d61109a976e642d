using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SeoulAiHub.Platform;

namespace SeoulAiHub.Features.Account;

public static class AccountModule
{
    public static IServiceCollection AddAccountModule(this IServiceCollection services) =>
        services.AddScoped<AccountLinks>();
}

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
