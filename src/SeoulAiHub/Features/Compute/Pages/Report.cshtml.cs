using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Compute.Pages;

/// <summary>
/// GPU 이용 보고서 (operators and overseers) — per month: each cluster's utilization (GPU-hours used / capacity) and
/// fairness between organizations (share of usage against share of allocations, Jain's index over used/allocated).
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ReportModel(ComputeReports reports, TimeProvider clock) : PageModel
{
    public int FromMonth { get; private set; }
    public int ToMonth { get; private set; }
    public IReadOnlyList<ClusterMonth> Utilization { get; private set; } = [];
    public IReadOnlyList<FairnessMonth> Fairness { get; private set; } = [];

    /// <summary>From and to as <c>yyyy-MM</c>; missing or unreadable means the last 12 months.</summary>
    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        var today = Kst.Today(clock);
        ToMonth = Month(to) ?? ComputeMath.MonthOf(today);
        FromMonth = Month(from) ?? ToMonth - 11;
        if (FromMonth > ToMonth)
        {
            (FromMonth, ToMonth) = (ToMonth, FromMonth);
        }

        FromMonth = Math.Max(FromMonth, ToMonth - ComputeReports.MaxMonths + 1);
        Utilization = await reports.UtilizationAsync(FromMonth, ToMonth, ct);
        Fairness = await reports.FairnessAsync(FromMonth, ToMonth, ct);
    }

    private static int? Month(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) &&
            d.Year is >= 2000 and <= 2100
            ? GpuJobUsage.MonthIndex(d.Year, d.Month)
            : null;
}
