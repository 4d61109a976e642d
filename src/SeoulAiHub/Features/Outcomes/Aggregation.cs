namespace SeoulAiHub.Features.Outcomes;

/// <summary>One rollup row as aggregation needs it (already narrowed to one KPI and segment).</summary>
public readonly record struct RollupCell(int EndMonth, int Months, long Sum, int Reporting, int Expected);

/// <summary>
/// A figure for one KPI, segment and period. <see cref="Sum"/> is null when nothing was reported or when it is withheld
/// (<see cref="Suppressed"/>). <see cref="Reporting"/> is the organizations behind it; <see cref="Missing"/> counts the
/// reports asked for and not given (organization-periods); <see cref="Partial"/> says a flow covers only part of the
/// period so far (e.g. a year of which three quarters are reported).
/// </summary>
public readonly record struct Figure(long? Sum, int Reporting, int Expected, int Missing, bool Partial, bool Suppressed)
{
    public static readonly Figure None = new(null, 0, 0, 0, false, false);

    public bool HasData => Sum is not null || Suppressed;

    /// <summary>
    /// For a flow over several reported periods, the fewest organizations in any one of them. Disclosure looks at this,
    /// not at <see cref="Reporting"/>: a year shown beside three of its quarters would give away a withheld fourth.
    /// Null when it is the same as <see cref="Reporting"/>.
    /// </summary>
    public int? FewestInOnePeriod { get; init; }

    /// <summary>Average per reporting organization, for comparing segments of different sizes.</summary>
    public double? PerOrganization => Sum is { } sum && Reporting > 0 ? (double)sum / Reporting : null;
}

/// <summary>
/// 집계 규칙 — how rollup rows become the figure of a period. Flows are summed over every reported period inside it;
/// stocks are taken at its end and never summed over time. A stock with no report at the period's end has no figure
/// (a headcount from an earlier quarter is not the year-end headcount).
/// </summary>
public static class Aggregation
{
    public static Figure Of(KpiKind kind, ReportingPeriod target, IEnumerable<RollupCell> cells)
    {
        // The same period may come from several campaigns and sites: those are disjoint sets of organizations, so add.
        var periods = new Dictionary<(int EndMonth, int Months), (long Sum, int Reporting, int Expected)>();
        foreach (var cell in cells)
        {
            var period = ReportingPeriod.FromStored(cell.EndMonth, cell.Months);
            // A stock is a level on a day: a year's closing headcount is also its fourth quarter's, whatever grain it came in.
            var inside = kind == KpiKind.Flow ? target.Contains(period) : period.EndMonth == target.EndMonth;
            if (!inside)
            {
                continue;
            }

            periods.TryGetValue((cell.EndMonth, cell.Months), out var p);
            periods[(cell.EndMonth, cell.Months)] = (p.Sum + cell.Sum, p.Reporting + cell.Reporting, p.Expected + cell.Expected);
        }

        if (periods.Count == 0)
        {
            return Figure.None;
        }

        if (kind == KpiKind.Stock)
        {
            var (sum, reporting, expected) = periods.Values.Aggregate((a, b) =>
                (a.Sum + b.Sum, a.Reporting + b.Reporting, a.Expected + b.Expected));
            return new Figure(reporting > 0 ? sum : null, reporting, expected, expected - reporting, false, false);
        }

        var total = periods.Values.Sum(p => p.Sum);

        // Distinct organizations over several periods are not known from rollups; the largest single period is a lower
        // bound, which is the safe side for disclosure (never fewer organizations than claimed).
        var atLeast = periods.Values.Max(p => p.Reporting);
        var asked = periods.Values.Max(p => p.Expected);
        var missing = periods.Values.Sum(p => p.Expected - p.Reporting);
        var covered = new HashSet<int>();
        foreach (var (endMonth, months) in periods.Keys)
        {
            for (var m = endMonth - months + 1; m <= endMonth; m++)
            {
                covered.Add(m);
            }
        }

        var fewest = periods.Values.Min(p => p.Reporting);
        return new Figure(atLeast > 0 ? total : null, atLeast, asked, missing, covered.Count < target.Months, false)
        {
            FewestInOnePeriod = fewest < atLeast ? fewest : null,
        };
    }
}

/// <summary>
/// 소집단 비공개 — what the public may see. A figure made of fewer than three organizations is withheld (primary
/// suppression). In a breakdown shown beside its total, one withheld segment could be worked out by subtraction, so
/// the next smallest segment is withheld with it (secondary suppression). A flow over several periods is withheld when
/// any one of them is thin, so a year can never be the key to a withheld quarter.
/// </summary>
public static class Disclosure
{
    public const int MinimumOrganizations = 3;

    public static Figure Primary(Figure figure) =>
        figure.Sum is not null && (figure.FewestInOnePeriod ?? figure.Reporting) < MinimumOrganizations
            ? figure with { Sum = null, Suppressed = true } : figure;

    public static Figure[] Breakdown(IReadOnlyList<Figure> segments, bool totalShown)
    {
        var result = segments.Select(Primary).ToArray();
        if (totalShown && result.Count(f => f.Suppressed) == 1)
        {
            var next = Enumerable.Range(0, result.Length)
                .Where(i => result[i].Sum is not null)
                .OrderBy(i => result[i].Reporting).ThenBy(i => result[i].Sum)
                .Cast<int?>().FirstOrDefault();
            if (next is { } i)
            {
                result[i] = result[i] with { Sum = null, Suppressed = true };
            }
        }

        return result;
    }
}
