using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Localization;

/// <summary>Korean by default, English beside it: chosen by the language cookie, else Accept-Language.</summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo[] Supported = [Korean, English];

    internal static void AddHubLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Every page and handler reads the hub's strings through this one table-backed localizer.
        services.AddSingleton<IStringLocalizer<SharedResource>>(HubStringLocalizer.Shared);
        // Emit Hangul as characters, not numeric entities: a third of the bytes, and readable page source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Korean);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    internal static IMvcBuilder AddHubViewLocalization(this IMvcBuilder mvc)
    {
        mvc.AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, _) => HubStringLocalizer.Shared);
        mvc.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>()
            .Configure(options =>
            {
                var t = HubStringLocalizer.Shared;
                var messages = options.ModelBindingMessageProvider;
                messages.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
                messages.SetMissingBindRequiredValueAccessor(_ => t["Validation.Required"]);
                messages.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.Invalid"]);
                messages.SetValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
                messages.SetValueMustBeANumberAccessor(_ => t["Validation.Number"]);
                messages.SetUnknownValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.Invalid"]);
                messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
            });
        return mvc;
    }

    internal static IApplicationBuilder UseHubLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary><c>GET /culture?c=en&amp;returnUrl=/…</c> stores the choice in a cookie for a year and goes back.</summary>
    internal static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = Supported.FirstOrDefault(x => x.Name == c) ?? Korean;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true,
                    SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = returnUrl is { Length: > 0 } && IsLocal(returnUrl) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Only same-site paths, so the switch cannot be used as an open redirect.</summary>
    public static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

/// <summary>The language of the current request, for pages that show one of an organization's two names.</summary>
public static class HubCulture
{
    public static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
