using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Charts;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>이용률 보고 — overseers and operators: utilization per facility and month (booked / open hours), and by organization.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ReportModel(UtilizationReports reports, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    public Utilization Report { get; private set; } = null!;
    public string From { get; private set; } = "";
    public int Months { get; private set; }

    public async Task OnGetAsync(string? from, int? months, CancellationToken ct)
    {
        var today = Kst.Today(clock);
        var first = FormValue.Date(from is { Length: 7 } ? from + "-01" : from) ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        Months = Math.Clamp(months ?? 3, 1, UtilizationReports.MaxMonths);
        Report = await reports.BuildAsync(first, Months, ct);
        From = $"{Report.FirstMonth:yyyy-MM}";
    }

    /// <summary>Each facility's utilization over the whole period, highest first (at most 20 bars; the table has all).</summary>
    public string Chart()
    {
        var english = HubCulture.IsEnglish;
        var bars = Report.Facilities.GroupBy(r => r.FacilityId)
            .Select(g => (Name: g.First().Name(english), Booked: g.Sum(r => r.BookedHours), Open: g.Sum(r => r.OpenHours)))
            .Select(x => (x.Name, Percent: x.Open <= 0 ? 0 : Math.Round(100 * x.Booked / x.Open, 1)))
            .OrderByDescending(x => x.Percent).Take(20)
            .Select(x => new ChartPoint(x.Name, x.Percent, $"{x.Percent:0.#}%")).ToList();
        return BarChart.Render(new ChartText("fp-utilization-chart", t["Facilities.Pages.Report.ChartTitle"],
            t["Facilities.Pages.Report.ChartDesc", From, Months]), bars);
    }
}
