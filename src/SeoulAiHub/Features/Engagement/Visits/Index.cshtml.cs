using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement.Visits;

/// <summary>현장방문 목록 — upcoming visits (soonest first) and past ones (latest first), filtered by year and status.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class IndexModel(HubDb db, TimeProvider clock) : PageModel
{
    public const int MaxRows = 500;

    /// <summary>Query values as typed: anything unreadable is ignored rather than refused.</summary>
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public int? YearFilter { get; private set; }
    public VisitStatus? StatusFilter { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];

    public sealed record Row(Guid Id, DateOnly Date, VisitKind Kind, string Title, string Host, int Stops, VisitStatus Status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        YearFilter = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;
        StatusFilter = FormValue.Enum<VisitStatus>(Status, ignoreCase: false);

        var dates = await db.Visits.AsNoTracking().Select(v => v.Date).Distinct().ToListAsync(ct);
        Years = [.. dates.Select(d => d.Year).Distinct().OrderDescending()];

        var query = db.Visits.AsNoTracking();
        if (YearFilter is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(v => v.Date >= from && v.Date < to);
        }

        if (StatusFilter is { } status)
        {
            query = query.Where(v => v.Status == status);
        }

        var rows = await query.OrderByDescending(v => v.Date).Take(MaxRows)
            .Select(v => new Row(v.Id, v.Date, v.Kind, v.Title, v.Host, v.Stops.Count, v.Status))
            .ToListAsync(ct);
        var today = Kst.Today(clock);
        Upcoming = [.. rows.Where(r => r.Date >= today).OrderBy(r => r.Date)];
        Past = [.. rows.Where(r => r.Date < today)];
    }
}
