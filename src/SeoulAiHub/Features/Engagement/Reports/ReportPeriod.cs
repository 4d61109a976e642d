using System.Globalization;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>A named span of days the report pages link to (this quarter, last year …).</summary>
public sealed record PeriodLink(string LabelKey, DateOnly From, DateOnly To)
{
    public string Query => $"from={ReportPeriod.Format(From)}&to={ReportPeriod.Format(To)}";
}

/// <summary>
/// The days a follow-up report covers, read from <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>. A date that does not parse,
/// or a start after the end, gives a message (resource key and arguments) and the page's default period: the query
/// string is typed by people, and a typo is not a server error.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, IReadOnlyList<(string Key, object[] Arguments)> Problems)
{
    /// <summary>Longer than this is cut in the message: the value is echoed back to the person who typed it.</summary>
    private const int EchoLength = 40;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ReportPeriod Read(string? from, string? to, DateOnly defaultFrom, DateOnly defaultTo)
    {
        var problems = new List<(string, object[])>();
        var start = Parse(from, defaultFrom, problems);
        var end = Parse(to, defaultTo, problems);
        if (problems.Count == 0 && start > end)
        {
            problems.Add(("Engagement.Reports.Error.FromAfterTo", [Format(start), Format(end)]));
        }

        return problems.Count == 0 ? new ReportPeriod(start, end, problems) : new ReportPeriod(defaultFrom, defaultTo, problems);
    }

    /// <summary>The current quarter and year and the ones before them, as of <paramref name="today"/> (KST).</summary>
    public static IReadOnlyList<PeriodLink> Links(DateOnly today)
    {
        var quarter = ReportingPeriod.Containing(today, PeriodGrain.Quarter);
        var year = new DateOnly(today.Year, 1, 1);
        return
        [
            new("Engagement.Reports.Period.ThisQuarter", quarter.StartsOn, quarter.EndsOn),
            new("Engagement.Reports.Period.LastQuarter", quarter.Previous.StartsOn, quarter.Previous.EndsOn),
            new("Engagement.Reports.Period.ThisYear", year, year.AddYears(1).AddDays(-1)),
            new("Engagement.Reports.Period.LastYear", year.AddYears(-1), year.AddDays(-1)),
        ];
    }

    private static DateOnly Parse(string? text, DateOnly fallback, List<(string, object[])> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (FormValue.Date(text) is { } date)
        {
            return date;
        }

        problems.Add(("Engagement.Reports.Error.BadDate", [text.Length > EchoLength ? text[..EchoLength] + "…" : text]));
        return fallback;
    }
}

/// <summary>The model of <c>_PeriodFilter.cshtml</c>: the period shown, the page the form goes to and its quick links.</summary>
public sealed record PeriodFilter(ReportPeriod Period, string Path, IReadOnlyList<PeriodLink> Links);
