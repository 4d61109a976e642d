using SeoulAiHub.Features.Compute;

namespace SeoulAiHub.Tests.Compute.Domain;

public sealed class ComputeMathTests
{
    private static int Month(int year, int month) => GpuJobUsage.MonthIndex(year, month);

    [Fact]
    public void An_allocation_spreads_its_hours_evenly_over_the_days_of_its_period()
    {
        // 2026-03-01 … 2026-05-31 is 92 days: March 31, April 30, May 31.
        var start = new DateOnly(2026, 3, 1);
        var end = new DateOnly(2026, 5, 31);

        Assert.Equal(9200 * 31 / 92.0, ComputeMath.AllocatedInMonth(9200, start, end, Month(2026, 3)), 9);
        Assert.Equal(9200 * 30 / 92.0, ComputeMath.AllocatedInMonth(9200, start, end, Month(2026, 4)), 9);
        Assert.Equal(0, ComputeMath.AllocatedInMonth(9200, start, end, Month(2026, 6)));
        Assert.Equal(9200, Enumerable.Range(Month(2026, 1), 12).Sum(m => ComputeMath.AllocatedInMonth(9200, start, end, m)), 9);
    }

    [Fact]
    public void A_period_inside_one_month_counts_whole_in_that_month()
    {
        Assert.Equal(500, ComputeMath.AllocatedInMonth(500, new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 12), Month(2026, 2)));
    }

    [Fact]
    public void Capacity_is_gpus_times_the_hours_of_the_month()
    {
        Assert.Equal(96 * 28 * 24.0, ComputeMath.CapacityHours(96, Month(2026, 2)));
        Assert.Equal(96 * 29 * 24.0, ComputeMath.CapacityHours(96, Month(2028, 2)));
    }

    [Fact]
    public void Jains_index_is_one_for_equal_shares_and_one_over_n_when_one_takes_all()
    {
        Assert.Equal(1.0, ComputeMath.JainIndex([0.5, 0.5, 0.5])!.Value, 9);
        Assert.Equal(1.0 / 4, ComputeMath.JainIndex([2.0, 0, 0, 0])!.Value, 9);
        Assert.Equal((1 + 0.5) * (1 + 0.5) / (2 * (1 + 0.25)), ComputeMath.JainIndex([1.0, 0.5])!.Value, 9);
        Assert.Null(ComputeMath.JainIndex([]));
        Assert.Null(ComputeMath.JainIndex([0.0, 0.0]));
    }

    [Fact]
    public void Month_indexes_round_trip_and_sort_in_time()
    {
        Assert.Equal((2026, 12), GpuJobUsage.FromMonthIndex(Month(2026, 12)));
        Assert.True(Month(2026, 12) < Month(2027, 1));
        Assert.Equal(new DateOnly(2027, 1, 1), ComputeMath.FirstDay(Month(2027, 1)));
    }
}
