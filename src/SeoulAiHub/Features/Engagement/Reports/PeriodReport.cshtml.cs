using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>
/// 후속 조치 보고서 (기간별) — every opinion heard in a period and what came of it; by default this year to date. On
/// screen in pages of <see cref="ReportPage.DefaultSize"/>; <c>?all=true</c> is the whole report on one page, to print.
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class PeriodReportModel(FollowUpReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public ReportPeriod Period { get; private set; } = null!;
    public IReadOnlyList<PeriodLink> Links { get; private set; } = [];
    public FollowUpReportView Report { get; private set; } = null!;

    /// <summary>Read from the query string by hand: "page" is the route value Razor Pages itself binds.</summary>
    private string? PageNumber => Request.Query["page"].FirstOrDefault();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bound strings are read by ReportPeriod, which explains a bad date; the model state has nothing to add.
        ModelState.Clear();
        var today = Kst.Today(clock);
        Period = ReportPeriod.Read(From, To, new DateOnly(today.Year, 1, 1), today);
        Links = ReportPeriod.Links(today);
        var page = All ? ReportPage.All : ReportPage.Of(PageNumber);
        Report = new FollowUpReportView(await reports.ForPeriodAsync(Period.From, Period.To, publicOnly: false, page, ct),
            PublicView: false, n => $"/engagement/report?{Query}&page={n}");
    }

    /// <summary>The period as the links of this page carry it.</summary>
    public string Query => $"from={ReportPeriod.Format(Period.From)}&to={ReportPeriod.Format(Period.To)}";
}
