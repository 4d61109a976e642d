using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>성과 대시보드 — hub figures per period for operators and overseers, with top movers (single organizations).</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class DashboardModel(FigureQueries queries, FigureSheets sheets, OutcomeFigures figures, OccupancyReport occupancy, HubDb db)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grain { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; }

    public FigureQuery Query { get; private set; } = null!;
    public FigureFilterForm Form { get; private set; } = null!;
    public FigureSheet? Sheet { get; private set; }
    public KpiFigures? Selected { get; private set; }
    public IReadOnlyList<Mover> Up { get; private set; } = [];
    public IReadOnlyList<Mover> Down { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Query = await queries.ReadAsync(new FigureQueryInput(Site, Grain, From, To, Kpi), isPublic: false, ct);
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        Form = new FigureFilterForm(await occupancy.SitesAsync(ct), kpis, Site, Query.Grain,
            From ?? Query.Filter?.From.Code, To ?? Query.Filter?.To.Code, Query.KpiCode, Query.Errors);
        if (Query.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Query.Filter is null)
        {
            return;
        }

        Sheet = await sheets.LoadAsync(Query.Filter, ct);
        Selected = Sheet.Kpi(Query.KpiCode);
        if (Selected is not null)
        {
            (Up, Down) = await figures.TopMoversAsync(Selected.Kpi.Id, Query.Filter.To, Query.Filter.SiteId, ct: ct);
        }
    }
}
