using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Spaces;

/// <summary>입주 현황 — occupancy of a site on any day (today by default), as a table and a floor chart.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class OccupancyPageModel(OccupancyReport report, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Site { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }

    public IReadOnlyList<(Guid Id, string NameKo, string NameEn)> Sites { get; private set; } = [];
    public SiteOccupancy? Occupancy { get; private set; }
    public DateOnly On { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();   // a malformed date falls back to today
        On = Date ?? Kst.Today(clock);
        Sites = await report.SitesAsync(ct);
        var site = Site is { } chosen && Sites.Any(s => s.Id == chosen) ? chosen : Sites.Select(s => s.Id).FirstOrDefault();
        Occupancy = site == Guid.Empty ? null : await report.ForSiteAsync(site, On, ct);
    }
}
