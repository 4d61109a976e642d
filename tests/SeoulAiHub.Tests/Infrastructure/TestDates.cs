using System.Globalization;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>Dates as the pages show and take them: today in Seoul by the real clock, written YYYY-MM-DD.</summary>
public static class TestDates
{
    public static DateOnly KstToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
