using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SeoulAiHub.Platform.Email;

/// <summary>
/// Absolute links for emails: the configured public address, else the address the request came in on. In the platform
/// because account emails, invitations and notifications all send links, and none of those modules may depend on another.
/// </summary>
public sealed class EmailLinks(IHttpContextAccessor http, IOptions<HubOptions> options)
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

    /// <summary>An Identity token made safe for a query string.</summary>
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
}
