namespace SeoulAiHub.Tests.Engagement.Services;

/// <summary>
/// Where the engagement tests on a host of their own start their clock (overdue items need days to pass); the host is
/// <see cref="Infrastructure.TestHosts.StartWithClockAsync"/>, and the test calls ActionReminders.RunOnceAsync itself.
/// </summary>
internal static class OwnClockHost
{
    /// <summary>10:00 KST on a Monday; the demo hub is seeded relative to it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);
}
