using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SeoulAiHub.Platform.Errors;

public static class PageRoute
{
    /// <summary>The <c>{id:guid}</c> of the page's address, for reading the page again after a refusal.</summary>
    public static Guid RouteId(this PageModel page) =>
        page.RouteData.Values["id"] is { } value && Guid.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var id)
            ? id
            : Guid.Empty;
}
