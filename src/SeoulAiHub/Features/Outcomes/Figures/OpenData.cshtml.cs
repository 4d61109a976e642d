using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>공공데이터 개방 — the dashboard for everybody: aggregates only, small groups withheld, no single organization.</summary>
[AllowAnonymous]
public sealed class OpenDataModel(FigureQueries queries, FigureSheets sheets, OccupancyReport occupancy, HubDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grain { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; }

    public FigureQuery Query { get; private set; } = null!;
    public FigureFilterForm Form { get; private set; } = null!;
    public FigureSheet? Sheet { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Query = await queries.ReadAsync(new FigureQueryInput(Site, Grain, From, To, Kpi), isPublic: true, ct);
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        Form = new FigureFilterForm(await occupancy.SitesAsync(ct), kpis, Site, Query.Grain,
            From ?? Query.Filter?.From.Code, To ?? Query.Filter?.To.Code, Query.KpiCode, Query.Errors);
        if (Query.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Query.Filter is not null)
        {
            Sheet = await sheets.LoadAsync(Query.Filter, ct);
        }
    }
}
