using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>운영성과 보고서 — the council's report for one period, printable on A4 (period=2026-H1; optional site).</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ReportModel(FigureQueries queries, PerformanceReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public PerformanceReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        (Report, Errors) = await ReportLoading.LoadAsync(queries, reports, Period, Site, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}

/// <summary>The workbook of the report: /outcomes/report.xlsx?period=2026-H1.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ReportXlsxModel(FigureQueries queries, PerformanceReports reports, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? period, string? site, CancellationToken ct)
    {
        var (report, errors) = await ReportLoading.LoadAsync(queries, reports, period, site, ct);
        if (report is null)
        {
            return BadRequest(new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["period"] = errors.Count > 0 ? [.. errors.Select(e => t[e].Value)] : [t["Outcomes.Figures.Empty"].Value],
            }));
        }

        var buffer = new MemoryStream();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = LocalizationSetup.Korean;
        try
        {
            await ReportWorkbook.WriteAsync(buffer, report, key => t[key].Value, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"seoul-ai-hub-report-{report.Period.Code}.xlsx");
    }
}

internal static class ReportLoading
{
    /// <summary>The period asked (default: the latest quarter with official figures) and the optional site, checked.</summary>
    public static async Task<(PerformanceReport? Report, IReadOnlyList<string> Errors)> LoadAsync(FigureQueries queries,
        PerformanceReports reports, string? period, string? site, CancellationToken ct)
    {
        var query = await queries.ReadAsync(new FigureQueryInput(site, null, null, period, null), isPublic: false, ct);
        if (query.Errors.Count > 0 || query.Filter is null)
        {
            return (null, query.Errors);
        }

        return (await reports.LoadAsync(query.Filter.To, query.Filter.SiteId, ct), []);
    }
}
