using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SeoulAiHub.Features.Organizations;

/// <summary>기관 찾기 — the public directory: search by Korean or English name (partial words), filters, paging.</summary>
[AllowAnonymous]
public sealed class DirectoryModel(DirectoryIndex directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public TenancyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Site { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DirectoryPage Result { get; private set; } = null!;
    public DirectoryIndex.Snapshot Terms { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unknown filter values (a stale link, a typo) are dropped rather than failing the page.
        ModelState.Clear();
        Terms = await directory.CurrentAsync(ct);
        // One snapshot for both the filter lists and the results, so they always agree.
        Result = DirectorySearch.Run(Terms, new DirectoryQuery(Q, Type, Blank(Domain), Blank(Industry), Status, Site,
            Math.Max(1, PageNumber)));
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["type"] = Type?.ToString(), ["domain"] = Domain, ["industry"] = Industry,
        ["status"] = Status?.ToString(), ["site"] = Site?.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
