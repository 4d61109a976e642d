using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Charts;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>의정 지원 홈 — the overseer's start: counts, upcoming visits, overdue action items, opinions by category over time.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class OversightHomePageModel(OversightSummaries summaries, HubDb db, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public OversightHome Home { get; private set; } = null!;

    /// <summary>All overdue items; the list shows the first <see cref="OversightSummaries.ListLimit"/>.</summary>
    public int OverdueCount { get; private set; }

    public IReadOnlyList<(OpinionCategory Category, string Name, string Color, int[] Values)> Series { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await summaries.HomeAsync(ct);
        var today = Kst.Today(clock);
        OverdueCount = await db.ActionItems.CountAsync(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) &&
            a.DueOn < today, ct);
        Series = FieldOpinion.Categories
            .Select((c, i) => (c, EngagementLabels.Label(t, c), StackedBarChart.Palette[i % StackedBarChart.Palette.Count],
                Home.Trend.Counts[c]))
            .ToList();
    }

    public string Chart() => StackedBarChart.Render(
        new ChartText("er-trend", t["Engagement.Reports.Home.Chart"], t["Engagement.Reports.Home.ChartDesc",
            Home.Trend.Quarters[0].Label(HubCulture.IsEnglish), Home.Trend.Quarters[^1].Label(HubCulture.IsEnglish)]),
        Home.Trend.Quarters.Select(q => q.ShortLabel).ToList(),
        Series.Select(s => (s.Name, s.Color, s.Values)).ToList());
}
