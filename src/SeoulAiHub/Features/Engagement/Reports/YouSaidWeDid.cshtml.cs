using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>
/// 의견 반영 현황 — the public "you said, we did": public opinions of a period (by default the last twelve months), the
/// answers and what was done. Internal opinions, speakers and owners' names never reach this page
/// (<see cref="FollowUpReports"/> with <c>publicOnly</c>). In pages of <see cref="ReportPage.DefaultSize"/> opinions.
/// </summary>
[AllowAnonymous]
public sealed class YouSaidWeDidModel(FollowUpReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ReportPeriod Period { get; private set; } = null!;
    public IReadOnlyList<PeriodLink> Links { get; private set; } = [];
    public FollowUpReportView Report { get; private set; } = null!;

    /// <summary>Read from the query string by hand: "page" is the route value Razor Pages itself binds.</summary>
    private string? PageNumber => Request.Query["page"].FirstOrDefault();

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var today = Kst.Today(clock);
        Period = ReportPeriod.Read(From, To, today.AddMonths(-12).AddDays(1), today);
        Links = [new PeriodLink("Engagement.Reports.Period.Last12Months", today.AddMonths(-12).AddDays(1), today),
            .. ReportPeriod.Links(today)];
        var query = $"from={ReportPeriod.Format(Period.From)}&to={ReportPeriod.Format(Period.To)}";
        Report = new FollowUpReportView(await reports.ForPeriodAsync(Period.From, Period.To, publicOnly: true, ReportPage.Of(PageNumber),
            ct), PublicView: true, n => $"/you-said-we-did?{query}&page={n}");
    }
}
