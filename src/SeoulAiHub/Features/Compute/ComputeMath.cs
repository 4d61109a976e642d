namespace SeoulAiHub.Features.Compute;

/// <summary>The arithmetic of the reports, pure and unit-tested: months, prorated allocations, capacity, fairness.</summary>
public static class ComputeMath
{
    public static DateOnly FirstDay(int month) => new(month / 12, month % 12 + 1, 1);

    public static int DaysIn(int month) => DateTime.DaysInMonth(month / 12, month % 12 + 1);

    public static int MonthOf(DateOnly day) => GpuJobUsage.MonthIndex(day.Year, day.Month);

    /// <summary>GPU-hours a cluster of <paramref name="gpus"/> GPUs can deliver in the month.</summary>
    public static double CapacityHours(int gpus, int month) => gpus * DaysIn(month) * 24.0;

    /// <summary>
    /// The part of an allocation that falls in a month: its hours spread evenly over the days of its period, so an
    /// allocation of 3,000 GPU-hours for March–May counts about 1,000 in each month.
    /// </summary>
    public static double AllocatedInMonth(int gpuHours, DateOnly startsOn, DateOnly endsOn, int month)
    {
        var first = FirstDay(month);
        var last = first.AddDays(DaysIn(month) - 1);
        var from = startsOn > first ? startsOn : first;
        var to = endsOn < last ? endsOn : last;
        if (to < from)
        {
            return 0;
        }

        var periodDays = endsOn.DayNumber - startsOn.DayNumber + 1;
        return gpuHours * (double)(to.DayNumber - from.DayNumber + 1) / periodDays;
    }

    /// <summary>
    /// Jain's fairness index (Σx)² / (n·Σx²) over each organization's used/allocated ratio: 1 when all use the same share
    /// of what they were given, 1/n when one uses everything. Empty when nobody had an allocation or nobody used any.
    /// </summary>
    public static double? JainIndex(IReadOnlyCollection<double> ratios)
    {
        if (ratios.Count == 0)
        {
            return null;
        }

        var sum = ratios.Sum();
        var squares = ratios.Sum(x => x * x);
        return squares == 0 ? null : sum * sum / (ratios.Count * squares);
    }
}
