using System.Globalization;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>How the facility pages write times (KST) and read them back from forms.</summary>
public static class FacilityText
{
    public static string Time(DateTimeOffset utc) => utc.ToKst().ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset utc) => utc.ToKst().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026-06-04 (목) 14:00–15:00 KST / 2026-06-04 (Thu) 14:00–15:00 KST.</summary>
    public static string Slot(DateTimeOffset start, DateTimeOffset end, bool english)
    {
        var day = start.ToKst();
        var weekday = english ? day.ToString("ddd", CultureInfo.InvariantCulture)
            : day.ToString("ddd", CultureInfo.GetCultureInfo("ko-KR"));
        return $"{Date(start)} ({weekday}) {Time(start)}–{Time(end)} KST";
    }

    public static string Local(DateTimeOffset utc) => utc.ToKst().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);
}
