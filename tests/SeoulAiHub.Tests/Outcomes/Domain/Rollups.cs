using SeoulAiHub.Features.Outcomes;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>Periods, rollup cells and figures of the aggregation tests, written short.</summary>
internal static class Rollups
{
    /// <summary>A period from its code, e.g. 2025-Q3.</summary>
    public static ReportingPeriod P(string code) =>
        ReportingPeriod.TryParse(code, out var period) ? period.Value : throw new ArgumentException(code);

    /// <summary>A rollup cell of the period: the sum reported, by how many organizations of how many asked.</summary>
    public static RollupCell Cell(string code, long sum, int reporting, int expected) =>
        new(P(code).EndMonth, P(code).Months, sum, reporting, expected);

    /// <summary>A figure as the aggregation answers it (not withheld).</summary>
    public static Figure F(long? sum, int reporting, int expected = 0, int missing = 0) =>
        new(sum, reporting, expected, missing, false, false);
}
