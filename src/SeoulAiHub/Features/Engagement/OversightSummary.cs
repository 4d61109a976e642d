using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement;

public sealed record UpcomingVisit(Guid Id, VisitKind Kind, string Title, DateOnly Date, string Host, int Stops, int Participants);

public sealed record OverdueAction(Guid Id, Guid OpinionId, string Title, string Department, string? OwnerName, DateOnly DueOn,
    ActionStatus Status, int DaysLate);

/// <summary>Opinions per category and quarter (an opinion with two categories counts in both); merged duplicates are
/// not counted again.</summary>
public sealed record CategoryTrend(IReadOnlyList<ReportingPeriod> Quarters, IReadOnlyDictionary<OpinionCategory, int[]> Counts)
{
    public int Total(OpinionCategory category) => Counts[category].Sum();
}

/// <summary>The overseer's home: upcoming visits, overdue actions, opinions by category over time.</summary>
public sealed record OversightHome(IReadOnlyList<UpcomingVisit> Upcoming, IReadOnlyList<OverdueAction> Overdue, CategoryTrend Trend,
    int OpenOpinions, int OpenActions);

public sealed class OversightSummaries(HubDb db, TimeProvider clock)
{
    public const int TrendQuarters = 8;
    public const int ListLimit = 50;

    public async Task<OversightHome> HomeAsync(CancellationToken ct = default)
    {
        var today = Kst.Today(clock);
        var upcoming = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Planned && v.Date >= today)
            .OrderBy(v => v.Date).Take(ListLimit)
            .Select(v => new UpcomingVisit(v.Id, v.Kind, v.Title, v.Date, v.Host, v.Stops.Count, v.Participants.Count))
            .ToListAsync(ct);
        var overdue = (await db.ActionItems.AsNoTracking()
                .Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn < today)
                .OrderBy(a => a.DueOn).Take(ListLimit)
                .Select(a => new
                {
                    a.Id, a.OpinionId, a.Title, a.OwnerDepartment, a.DueOn, a.Status,
                    Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(ct))
            .Select(a => new OverdueAction(a.Id, a.OpinionId, a.Title, a.OwnerDepartment, a.Owner, a.DueOn, a.Status,
                today.DayNumber - a.DueOn.DayNumber))
            .ToList();
        var openActions = await db.ActionItems.CountAsync(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress, ct);
        var openOpinions = await db.FieldOpinions.CountAsync(o => o.Status == OpinionStatus.Received, ct);
        return new OversightHome(upcoming, overdue, await TrendAsync(today, TrendQuarters, ct), openOpinions, openActions);
    }

    public async Task<CategoryTrend> TrendAsync(DateOnly today, int quarters, CancellationToken ct = default)
    {
        var last = ReportingPeriod.Containing(today, PeriodGrain.Quarter);
        var periods = Enumerable.Range(0, quarters).Select(i => ReportingPeriod.FromStored(last.EndMonth - 3 * (quarters - 1 - i), 3))
            .ToList();
        var from = periods[0].StartsOn;
        var rows = await db.FieldOpinions.AsNoTracking()
            .Where(o => o.SaidOn >= from && o.SaidOn <= today && o.Status != OpinionStatus.Merged)
            .Select(o => new { o.SaidOn, o.Category })
            .ToListAsync(ct);
        var counts = FieldOpinion.Categories.ToDictionary(c => c, _ => new int[quarters]);
        foreach (var row in rows)
        {
            var index = (row.SaidOn.Year * 12 + row.SaidOn.Month - 1 - from.Year * 12 - from.Month + 1) / 3;
            foreach (var category in FieldOpinion.Categories.Where(c => row.Category.HasFlag(c)))
            {
                counts[category][index]++;
            }
        }

        return new CategoryTrend(periods, counts);
    }
}
