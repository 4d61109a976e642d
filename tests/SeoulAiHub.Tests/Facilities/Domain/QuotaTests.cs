using SeoulAiHub.Features.Facilities;

namespace SeoulAiHub.Tests.Facilities.Domain;

public sealed class QuotaTests
{
    [Fact]
    public void The_month_is_the_kst_month_of_the_start()
    {
        // 2026-05-31 16:00 UTC is 2026-06-01 01:00 KST: June's hours.
        var (from, to) = Quota.MonthOf(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 5, 31, 15, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 15, 0, 0, TimeSpan.Zero), to);
    }

    [Theory]
    [InlineData(40, 0, 60, 2340)]
    [InlineData(40, 2340, 60, 0)]
    [InlineData(40, 2341, 60, -1)]
    [InlineData(0, 0, 30, -30)]
    public void Minutes_left_are_the_limit_less_what_is_used_and_wanted(int limitHours, int used, int wanted, int left) =>
        Assert.Equal(left, Quota.MinutesLeft(limitHours, used, wanted));
}
