using SeoulAiHub.Features.Compute;

namespace SeoulAiHub.Tests.Compute.Domain;

public sealed class UsageAlertsTests
{
    private const int Hours = 1000;

    [Theory]
    [InlineData(0, false, false, UsageAlert.None)]
    [InlineData(799 * 3600L + 3599, false, false, UsageAlert.None)]      // a second short of 80 %
    [InlineData(800 * 3600L, false, false, UsageAlert.Reached80)]
    [InlineData(800 * 3600L, true, false, UsageAlert.None)]              // sent already
    [InlineData(999 * 3600L, true, false, UsageAlert.None)]
    [InlineData(1000 * 3600L, true, false, UsageAlert.Reached100)]
    [InlineData(1000 * 3600L, true, true, UsageAlert.None)]
    [InlineData(1500 * 3600L, false, false, UsageAlert.Reached100)]      // past both at once: one alert, the higher
    public void Alerts_are_due_once_at_80_and_once_at_100_percent(long used, bool sent80, bool sent100, UsageAlert due) =>
        Assert.Equal(due, UsageAlerts.Due(used, Hours, sent80, sent100));

    [Fact]
    public void An_allocation_without_hours_never_alerts() => Assert.Equal(UsageAlert.None, UsageAlerts.Due(10, 0, false, false));
}
