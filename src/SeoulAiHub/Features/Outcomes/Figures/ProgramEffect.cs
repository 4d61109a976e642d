using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>One official value as the before/after comparison needs it.</summary>
public readonly record struct EffectFact(Guid OrganizationId, int EndMonth, int Months, long Value);

/// <summary>
/// A KPI before and after the award for the awardees with complete windows (<see cref="Counted"/>); the others
/// (<see cref="LeftOut"/>) lack a report in one of the windows or their after-window has not ended yet.
/// </summary>
public sealed record KpiEffect(KpiDefinition Kpi, int Counted, int LeftOut, long Before, long After)
{
    public double? Change => Counted > 0 && Before != 0 ? (double)(After - Before) / Math.Abs(Before) : null;
    public double? BeforeAverage => Counted > 0 ? (double)Before / Counted : null;
    public double? AfterAverage => Counted > 0 ? (double)After / Counted : null;
}

/// <summary>
/// 수혜 전후 비교 — for each awardee, the four quarters before its award quarter against the four after it. A flow
/// is summed over each window, and counts only when every month of both windows is reported (in quarters, halves or
/// years lying wholly inside the window). A stock is the value at the end of the quarter before the award against
/// the value at the end of the fourth quarter after. The award quarter itself is in neither window.
/// </summary>
public static class ProgramEffect
{
    public const int WindowQuarters = 4;

    public static KpiEffect Compute(KpiDefinition kpi, IReadOnlyDictionary<Guid, ReportingPeriod> awardQuarters,
        IEnumerable<EffectFact> facts)
    {
        var byOrganization = facts.ToLookup(f => f.OrganizationId);
        int counted = 0, leftOut = 0;
        long before = 0, after = 0;
        foreach (var (organization, quarter) in awardQuarters)
        {
            var own = byOrganization[organization].ToList();
            var window = Windows(quarter);
            var pair = kpi.Kind == KpiKind.Flow
                ? (Flow(own, window.BeforeStart, window.BeforeEnd), Flow(own, window.AfterStart, window.AfterEnd))
                : (Stock(own, window.BeforeEnd), Stock(own, window.AfterEnd));
            if (pair is ({ } b, { } a))
            {
                counted++;
                before += b;
                after += a;
            }
            else
            {
                leftOut++;
            }
        }

        return new KpiEffect(kpi, counted, leftOut, before, after);
    }

    /// <summary>The month indexes (year × 12 + month − 1) bounding the two windows of an award quarter.</summary>
    public static (int BeforeStart, int BeforeEnd, int AfterStart, int AfterEnd) Windows(ReportingPeriod awardQuarter) =>
        (awardQuarter.StartMonth - 3 * WindowQuarters, awardQuarter.StartMonth - 1, awardQuarter.EndMonth + 1,
            awardQuarter.EndMonth + 3 * WindowQuarters);

    private static long? Flow(List<EffectFact> facts, int start, int end)
    {
        var inside = facts.Where(f => f.EndMonth <= end && f.EndMonth - f.Months + 1 >= start).ToList();
        var months = new HashSet<int>();
        foreach (var f in inside)
        {
            for (var m = f.EndMonth - f.Months + 1; m <= f.EndMonth; m++)
            {
                months.Add(m);
            }
        }

        return months.Count == end - start + 1 ? inside.Sum(f => f.Value) : null;
    }

    private static long? Stock(List<EffectFact> facts, int endMonth) =>
        facts.Where(f => f.EndMonth == endMonth).Select(f => (long?)f.Value).FirstOrDefault();
}

/// <summary>A program's before/after comparison for every active KPI.</summary>
public sealed record ProgramEffectReport(Guid ProgramId, string NameKo, string NameEn, int Awardees, IReadOnlyList<KpiEffect> Kpis);

/// <summary>
/// Loads what <see cref="ProgramEffect"/> needs: the program's awardees (applications of its calls in an awarded
/// state) with the quarter of their first award in KST, and their facts (index OrganizationId, KpiId, EndMonth, Months).
/// </summary>
public sealed class ProgramEffects(HubDb db)
{
    public async Task<ProgramEffectReport?> LoadAsync(Guid programId, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Id, p.NameKo, p.NameEn })
            .FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        var awards = await db.Applications.AsNoTracking()
            .Where(a => a.Call.ProgramId == programId && OutcomeRollups.Awarded.Contains(a.Status) && a.DecidedAt != null)
            .Select(a => new { a.OrganizationId, a.DecidedAt })
            .ToListAsync(ct);

        // The first award counts (in memory: SQLite keeps DateTimeOffset as a number).
        var quarters = awards.GroupBy(a => a.OrganizationId)
            .ToDictionary(g => g.Key, g => ReportingPeriod.Containing(DateOnly.FromDateTime(g.Min(a => a.DecidedAt!.Value)
                .ToKst().DateTime), PeriodGrain.Quarter));
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        var facts = new List<(Guid KpiId, EffectFact Fact)>();
        if (quarters.Count > 0)
        {
            var earliest = quarters.Values.Min(q => Windows(q).BeforeStart);
            var latest = quarters.Values.Max(q => Windows(q).AfterEnd);
            foreach (var chunk in quarters.Keys.Chunk(2000))
            {
                facts.AddRange((await db.KpiFacts.AsNoTracking()
                        .Where(f => chunk.Contains(f.OrganizationId) && f.EndMonth >= earliest && f.EndMonth <= latest)
                        .Select(f => new { f.KpiId, f.OrganizationId, f.EndMonth, f.Months, f.Value })
                        .ToListAsync(ct))
                    .Select(f => (f.KpiId, new EffectFact(f.OrganizationId, f.EndMonth, f.Months, f.Value))));
            }
        }

        var byKpi = facts.ToLookup(f => f.KpiId, f => f.Fact);
        return new ProgramEffectReport(program.Id, program.NameKo, program.NameEn, quarters.Count,
            [.. kpis.Select(k => ProgramEffect.Compute(k, quarters, byKpi[k.Id]))]);
    }

    private static (int BeforeStart, int BeforeEnd, int AfterStart, int AfterEnd) Windows(ReportingPeriod q) => ProgramEffect.Windows(q);
}
