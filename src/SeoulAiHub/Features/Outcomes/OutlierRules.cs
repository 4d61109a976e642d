namespace SeoulAiHub.Features.Outcomes;

/// <summary>Why a value looks wrong; each flag needs the reporter's note before the value can be submitted.</summary>
[Flags]
public enum OutlierFlags
{
    None = 0,

    /// <summary>More than five times the organization's value of the previous period.</summary>
    AboveFiveTimes = 1,

    /// <summary>Under a fifth of the previous period's value.</summary>
    BelowFifth = 2,

    /// <summary>More new hires than people employed at the period's end.</summary>
    HiresAboveHeadcount = 4,
}

/// <summary>
/// 이상치 규칙 — automatic checks of a reported value against the organization's previous period. A jump is not an
/// error (a startup's first big contract is real) but it must be explained. A ratio needs a previous value above
/// zero; from nothing to something is how every first sale looks, so it is not flagged. A negative value where the
/// KPI cannot be negative is not an outlier but an error (<see cref="IsImpossible"/>).
/// </summary>
public static class OutlierRules
{
    public const int RatioLimit = 5;

    public static bool IsImpossible(KpiDefinition kpi, long value) => value < 0 && !kpi.AllowsNegative;

    public static OutlierFlags Check(long value, long? previous)
    {
        if (previous is not > 0 || value < 0)
        {
            return OutlierFlags.None;
        }

        // In 128-bit arithmetic, so a trillion-won figure times five cannot overflow.
        if ((Int128)value > (Int128)previous.Value * RatioLimit)
        {
            return OutlierFlags.AboveFiveTimes;
        }

        return (Int128)value * RatioLimit < previous.Value ? OutlierFlags.BelowFifth : OutlierFlags.None;
    }

    /// <summary>Rules across KPIs of the same report; the standard codes name the measures they relate.</summary>
    public static OutlierFlags CheckAcross(string code, long value, IReadOnlyDictionary<string, long> sameReport) =>
        code == "new-hires" && sameReport.TryGetValue("headcount", out var headcount) && value > headcount
            ? OutlierFlags.HiresAboveHeadcount
            : OutlierFlags.None;
}
