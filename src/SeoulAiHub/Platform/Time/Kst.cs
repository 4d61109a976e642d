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

    /// <summary>A date as a date field sends it (yyyy-MM-dd); anything else is null, for the caller's message.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A time as a time field with minute steps sends it (HH:mm).</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
