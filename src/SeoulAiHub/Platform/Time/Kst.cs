using System.Globalization;

namespace SeoulAiHub.Platform.Time;

/// <summary>Korea Standard Time (UTC+9, no daylight saving): times are stored in UTC and shown in KST.</summary>
public static class Kst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToKst(this DateTimeOffset utc) => utc.ToOffset(Offset);

    /// <summary>Today's date in Korea — what "today" means for tenancies, rooms and occupancy.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToKst().DateTime);

    /// <summary>e.g. 2026-07-21 14:30 KST — the same shape in both languages, as Korean public documents write it.</summary>
    public static string Format(DateTimeOffset utc) =>
        utc.ToKst().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " KST";

    public static string FormatDate(DateTimeOffset utc) =>
        utc.ToKst().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A KST wall-clock time on a KST date, as the instant (UTC). Forms read it through <c>FormValue</c>.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>A KST wall-clock date-time (whatever its Kind says), as the instant (UTC).</summary>
    public static DateTimeOffset ToUtc(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset).ToUniversalTime();
}
