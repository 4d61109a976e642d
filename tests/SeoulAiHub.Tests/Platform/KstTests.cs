using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Tests.Platform;

public sealed class KstTests
{
    [Fact]
    public void Utc_time_is_shown_nine_hours_later_in_KST() =>
        Assert.Equal("2026-07-21 14:30 KST", Kst.Format(new DateTimeOffset(2026, 7, 21, 5, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void A_date_after_three_pm_UTC_is_the_next_day_in_Korea() =>
        Assert.Equal("2026-07-22", Kst.FormatDate(new DateTimeOffset(2026, 7, 21, 15, 0, 0, TimeSpan.Zero)));
}
