using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>
/// What a dashboard shows: a range of periods of one grain, optionally one site; public means aggregates with small groups withheld.
/// </summary>
public sealed record DashboardFilter(ReportingPeriod From, ReportingPeriod To, Guid? SiteId, bool Public)
{
    public IReadOnlyList<ReportingPeriod> Periods => [.. ReportingPeriod.Range(From, To)];
}

/// <summary>One segment of a breakdown (a domain, a type, a program) with its figure in the selected period.</summary>
public sealed record SegmentFigure(string Key, Figure Figure);

/// <summary>A program's awardees against every other organization asked, in the selected period.</summary>
public sealed record ProgramFigure(Guid ProgramId, Figure Awardees, Figure Others);

/// <summary>Everything the dashboards, the report and the exports show for one KPI.</summary>
public sealed record KpiFigures(
    KpiDefinition Kpi,
    IReadOnlyList<Figure> Trend,
    Figure Current,
    Figure Previous,
    Figure YearEarlier,
    IReadOnlyList<SegmentFigure> ByDomain,
    IReadOnlyList<SegmentFigure> ByType,
    IReadOnlyList<ProgramFigure> ByProgram);

public sealed record Dashboard(DashboardFilter Filter, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<KpiFigures> Kpis);

/// <summary>An organization whose figure moved most between the previous and the selected period.</summary>
public sealed record Mover(Guid OrganizationId, string NameKo, string NameEn, long Previous, long Current)
{
    public long Change => Current - Previous;
    public double? Growth => Previous > 0 ? (double)(Current - Previous) / Previous : null;
}

/// <summary>
/// 성과 대시보드 — figures from the rollups (a few thousand rows however many organizations there are) and, for the
/// few views about single organizations, from the facts through their indexes. The same <see cref="Dashboard"/>
/// feeds the pages, the report and the exports, so they cannot disagree.
/// Official figures change only when a campaign locks (or its rollups are rebuilt), so results are kept in memory under
/// a stamp of the rollup table (its largest id and row count: every lock and rebuild inserts rows with new ids) and of
/// the active KPIs. A lock changes the stamp and the next request computes afresh; nothing needs to be told to forget.
/// Organization names in top movers may lag a rename until the next lock or ten minutes.
/// </summary>
public sealed class OutcomeFigures(HubDb db, IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    public async Task<Dashboard> DashboardAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        // The active KPIs (eleven rows) are part of the key: adding, renaming or retiring one shows at once.
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        var kpiStamp = string.Join('|', kpis.Select(k => $"{k.Id}:{k.NameKo}:{k.NameEn}:{k.Unit}:{k.Kind}"));
        var key = (nameof(DashboardAsync), await StampAsync(ct), kpiStamp, filter.From, filter.To, filter.SiteId, filter.Public);
        if (cache.TryGetValue(key, out Dashboard? kept) && kept is not null)
        {
            return kept;
        }

        var dashboard = await ComputeDashboardAsync(filter, kpis, ct);
        cache.Set(key, dashboard, Keep);
        return dashboard;
    }

    /// <summary>Changes whenever rollups are written: the largest id and the number of rows.</summary>
    private async Task<(long, int)> StampAsync(CancellationToken ct)
    {
        var stamp = await db.KpiRollups.GroupBy(_ => 1).Select(g => new { Max = g.Max(r => r.Id), Count = g.Count() })
            .SingleOrDefaultAsync(ct);
        return stamp is null ? (0, 0) : (stamp.Max, stamp.Count);
    }

    private async Task<Dashboard> ComputeDashboardAsync(DashboardFilter filter, List<KpiDefinition> kpis, CancellationToken ct)
    {
        var periods = filter.Periods;
        var current = filter.To;
        var earliest = Math.Min(filter.From.StartMonth, current.YearEarlier.StartMonth);

        var totals = await Rows(RollupDimension.Total, earliest, current.EndMonth, filter.SiteId)
            .Select(r => new { r.KpiId, Cell = new RollupCell(r.EndMonth, r.Months, r.Sum, r.Reporting, r.Expected) })
            .ToListAsync(ct);
        var segments = await db.KpiRollups.AsNoTracking()
            .Where(r => r.Dimension != RollupDimension.Total && r.EndMonth >= current.StartMonth && r.EndMonth <= current.EndMonth)
            .Where(r => filter.SiteId == null || r.SiteId == filter.SiteId)
            .Select(r => new { r.KpiId, r.Dimension, r.Key, Cell = new RollupCell(r.EndMonth, r.Months, r.Sum, r.Reporting, r.Expected) })
            .ToListAsync(ct);

        var totalsByKpi = totals.ToLookup(t => t.KpiId, t => t.Cell);
        var segmentsByKpi = segments.ToLookup(s => s.KpiId);
        var result = new List<KpiFigures>(kpis.Count);
        foreach (var kpi in kpis)
        {
            var cells = totalsByKpi[kpi.Id].ToList();
            Figure Of(ReportingPeriod p) => Disclose(Aggregation.Of(kpi.Kind, p, cells), filter.Public);
            var trend = periods.Select(Of).ToList();
            var currentTotal = Aggregation.Of(kpi.Kind, current, cells);

            var own = segmentsByKpi[kpi.Id].ToList();
            List<SegmentFigure> Breakdown(RollupDimension dimension)
            {
                var groups = own.Where(s => s.Dimension == dimension).GroupBy(s => s.Key)
                    .Select(g => (g.Key, Figure: Aggregation.Of(kpi.Kind, current, g.Select(s => s.Cell))))
                    .OrderByDescending(g => g.Figure.Sum ?? -1).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
                var figures = filter.Public ? Disclosure.Breakdown([.. groups.Select(g => g.Figure)], totalShown: true)
                    : [.. groups.Select(g => g.Figure)];
                return [.. groups.Select((g, i) => new SegmentFigure(g.Key, figures[i]))];
            }

            var programs = own.Where(s => s.Dimension == RollupDimension.Program).GroupBy(s => s.Key)
                .Select(g =>
                {
                    var awardees = Aggregation.Of(kpi.Kind, current, g.Select(s => s.Cell));
                    var others = Subtract(currentTotal, awardees);
                    if (filter.Public)
                    {
                        var pair = Disclosure.Breakdown([awardees, others], totalShown: true);
                        (awardees, others) = (pair[0], pair[1]);
                    }

                    return new ProgramFigure(Guid.Parse(g.Key), awardees, others);
                })
                .ToList();

            result.Add(new KpiFigures(kpi, trend, Disclose(currentTotal, filter.Public), Of(current.Previous), Of(current.YearEarlier),
                Breakdown(RollupDimension.Domain), Breakdown(RollupDimension.Type), programs));
        }

        return new Dashboard(filter, periods, result);
    }

    /// <summary>
    /// The organizations whose figure rose and fell most from the previous period to <paramref name="period"/>: one
    /// grouped query over the KPI's facts of the two periods (index KpiId, EndMonth, Months). Not for the public.
    /// </summary>
    public async Task<(IReadOnlyList<Mover> Up, IReadOnlyList<Mover> Down)> TopMoversAsync(Guid kpiId, ReportingPeriod period, Guid? siteId,
        int count = 5, CancellationToken ct = default)
    {
        var key = (nameof(TopMoversAsync), await StampAsync(ct), kpiId, period, siteId, count);
        if (cache.TryGetValue(key, out (IReadOnlyList<Mover>, IReadOnlyList<Mover>) kept))
        {
            return kept;
        }

        var movers = await ComputeTopMoversAsync(kpiId, period, siteId, count, ct);
        cache.Set(key, movers, Keep);
        return movers;
    }

    private async Task<(IReadOnlyList<Mover> Up, IReadOnlyList<Mover> Down)> ComputeTopMoversAsync(Guid kpiId, ReportingPeriod period,
        Guid? siteId, int count, CancellationToken ct)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kpiId, ct);
        if (kpi is null)
        {
            return ([], []);
        }

        var previous = period.Previous;
        var facts = db.KpiFacts.AsNoTracking().Where(f => f.KpiId == kpiId && (siteId == null || f.SiteId == siteId));
        facts = kpi.Kind == KpiKind.Flow
            ? facts.Where(f => f.EndMonth >= previous.StartMonth && f.EndMonth <= period.EndMonth && f.Months <= period.Months &&
                f.EndMonth - f.Months + 1 >= previous.StartMonth)
            : facts.Where(f => f.EndMonth == period.EndMonth || f.EndMonth == previous.EndMonth);
        var split = previous.EndMonth;

        // Flows whose reports straddle the two periods cannot exist: periods are calendar-aligned and no longer than the target.
        var rows = await facts.GroupBy(f => f.OrganizationId)
            .Select(g => new
            {
                OrganizationId = g.Key,
                Current = g.Sum(f => f.EndMonth > split ? f.Value : 0),
                Previous = g.Sum(f => f.EndMonth <= split ? f.Value : 0),
                InCurrent = g.Count(f => f.EndMonth > split),
                InPrevious = g.Count(f => f.EndMonth <= split),
            })
            .Where(x => x.InCurrent > 0 && x.InPrevious > 0)
            .ToListAsync(ct);
        var up = rows.OrderByDescending(r => r.Current - r.Previous).ThenBy(r => r.OrganizationId).Take(count)
            .Where(r => r.Current > r.Previous).ToList();
        var down = rows.OrderBy(r => r.Current - r.Previous).ThenBy(r => r.OrganizationId).Take(count)
            .Where(r => r.Current < r.Previous).ToList();
        var ids = up.Concat(down).Select(r => r.OrganizationId).ToList();
        var names = await db.OrganizationsByIdAsync(ids, ct);
        Mover M(Guid id, long prev, long cur) => new(id, names[id].NameKo, names[id].NameEn, prev, cur);
        return ([.. up.Select(r => M(r.OrganizationId, r.Previous, r.Current))],
            [.. down.Select(r => M(r.OrganizationId, r.Previous, r.Current))]);
    }

    /// <summary>An organization's official values, newest first (its own page, the briefing pack, the API).</summary>
    public async Task<List<KpiFact>> ValuesOfAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.KpiFacts.AsNoTracking().Where(f => f.OrganizationId == organizationId)
            .OrderByDescending(f => f.EndMonth).ThenBy(f => f.KpiId).ToListAsync(ct);

    /// <summary>The latest period with official figures, to open the dashboard on; null before the first lock.</summary>
    public async Task<ReportingPeriod?> LatestPeriodAsync(PeriodGrain grain, CancellationToken ct = default)
    {
        var latest = await db.KpiRollups.AsNoTracking().Where(r => r.Dimension == RollupDimension.Total)
            .OrderByDescending(r => r.EndMonth).Select(r => (int?)r.EndMonth).FirstOrDefaultAsync(ct);
        if (latest is not { } endMonth)
        {
            return null;
        }

        var candidate = ReportingPeriod.Containing(new DateOnly(endMonth / 12, endMonth % 12 + 1, 1), grain);

        // A half or year still under way is shown only when it has ended; otherwise the last complete one.
        return candidate.EndMonth <= endMonth ? candidate : candidate.Previous;
    }

    private IQueryable<KpiRollup> Rows(RollupDimension dimension, int fromMonth, int toMonth, Guid? siteId) =>
        db.KpiRollups.AsNoTracking()
            .Where(r => r.Dimension == dimension && r.EndMonth >= fromMonth && r.EndMonth <= toMonth)
            .Where(r => siteId == null || r.SiteId == siteId);

    private static Figure Disclose(Figure figure, bool isPublic) => isPublic ? Disclosure.Primary(figure) : figure;

    /// <summary>The organizations asked who are not in <paramref name="part"/>: the rest of the total.</summary>
    public static Figure Subtract(Figure total, Figure part)
    {
        var reporting = total.Reporting - part.Reporting;
        var sum = total.Sum is { } t ? t - (part.Sum ?? 0) : (long?)null;
        return new Figure(reporting > 0 ? sum : null, reporting, total.Expected - part.Expected, total.Missing - part.Missing,
            total.Partial, false);
    }
}
