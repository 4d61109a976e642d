using System.Globalization;
using System.Text.RegularExpressions;

namespace SeoulAiHub.Features.Facilities;

/// <summary>What a phrase said; what it did not say stays null and the search form's defaults apply.</summary>
public sealed record PhraseParts(DateOnly? Date, TimeOnly? WindowStart, TimeOnly? WindowEnd, int? People, int? Minutes)
{
    public bool IsEmpty => Date is null && WindowStart is null && People is null && Minutes is null;

    /// <summary>The search the phrase asks for: the day (today if none), the window (opening hours if none), an hour, one person.</summary>
    public AvailabilityQuery ToQuery(DateOnly today, Audience audience, int defaultMinutes = 60) => new(
        Date ?? today, Date ?? today, WindowStart ?? new TimeOnly(0, 0), WindowEnd ?? new TimeOnly(23, 45),
        Minutes ?? defaultMinutes, People ?? 1, Audience: audience);
}

/// <summary>
/// 자연어 검색 — reads "목요일 오후 12명", "내일 오전 2시간 8명", "thursday afternoon for 12": weekday names (the next such day
/// from today, today included), 오늘/내일/모레 and today/tomorrow, a date (2026-06-04, 6월 4일, 6/4), 오전/오후/저녁 and
/// morning/afternoon/evening (09–12, 13–18, 18–21), "오후 2시"/"2pm" (from that hour), N명/N people/for N, N시간/N분/N hours.
/// </summary>
public static partial class AvailabilityPhrase
{
    private static readonly (string[] Names, DayOfWeek Day)[] Weekdays =
    [
        (["월요일", "monday", "mon"], DayOfWeek.Monday), (["화요일", "tuesday", "tue", "tues"], DayOfWeek.Tuesday),
        (["수요일", "wednesday", "wed"], DayOfWeek.Wednesday), (["목요일", "thursday", "thu", "thur", "thurs"], DayOfWeek.Thursday),
        (["금요일", "friday", "fri"], DayOfWeek.Friday), (["토요일", "saturday", "sat"], DayOfWeek.Saturday),
        (["일요일", "sunday", "sun"], DayOfWeek.Sunday),
    ];

    public static PhraseParts Parse(string? text, DateOnly today)
    {
        var s = (text ?? "").Trim().ToLowerInvariant();
        if (s.Length > 200)
        {
            s = s[..200];
        }

        return new PhraseParts(DateOf(s, today), WindowOf(s).Start, WindowOf(s).End, PeopleOf(s), MinutesOf(s));
    }

    private static DateOnly? DateOf(string s, DateOnly today)
    {
        if (IsoDate().Match(s) is { Success: true } iso && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d))
        {
            return d;
        }

        if ((KoreanDate().Match(s) is { Success: true } m || SlashDate().Match(s) is { Success: true } m2 && (m = m2) is not null)
            && int.TryParse(m.Groups["m"].Value, out var month) && int.TryParse(m.Groups["d"].Value, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(today.Year, month))
        {
            var date = new DateOnly(today.Year, month, day);
            return date < today ? date.AddYears(1) : date;
        }

        if (s.Contains("모레", StringComparison.Ordinal))
        {
            return today.AddDays(2);
        }

        if (s.Contains("내일", StringComparison.Ordinal) || Word(s, "tomorrow"))
        {
            return today.AddDays(1);
        }

        if (s.Contains("오늘", StringComparison.Ordinal) || Word(s, "today"))
        {
            return today;
        }

        foreach (var (names, weekday) in Weekdays)
        {
            if (names.Any(n => n[0] > 127 ? s.Contains(n, StringComparison.Ordinal) : Word(s, n)))
            {
                var nextWeek = s.Contains("다음 주", StringComparison.Ordinal) ||
                    s.Contains("다음주", StringComparison.Ordinal) || Word(s, "next");
                if (nextWeek)
                {
                    // The named day of next week (weeks start on Monday).
                    var monday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
                    return monday.AddDays(((int)weekday + 6) % 7);
                }

                return today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7);
            }
        }

        return null;
    }

    private static (TimeOnly? Start, TimeOnly? End) WindowOf(string s)
    {
        if (Hour().Match(s) is { Success: true } h && int.TryParse(h.Groups["h"].Value, out var hour) && hour is >= 0 and <= 23)
        {
            var pm = h.Groups["pre"].Value == "오후" || h.Groups["post"].Value == "pm";
            var start = pm && hour < 12 ? hour + 12 : hour;
            if (start is >= 0 and <= 22)
            {
                return (new TimeOnly(start, 0), new TimeOnly(23, 45));
            }
        }

        if (s.Contains("오전", StringComparison.Ordinal) || Word(s, "morning"))
        {
            return (new TimeOnly(9, 0), new TimeOnly(12, 0));
        }

        if (s.Contains("오후", StringComparison.Ordinal) || Word(s, "afternoon"))
        {
            return (new TimeOnly(13, 0), new TimeOnly(18, 0));
        }

        if (s.Contains("저녁", StringComparison.Ordinal) || Word(s, "evening"))
        {
            return (new TimeOnly(18, 0), new TimeOnly(21, 0));
        }

        return (null, null);
    }

    private static int? PeopleOf(string s) =>
        People().Match(s) is { Success: true } m && int.TryParse(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["f"].Value,
            out var n) && n is >= 1 and <= 2000 ? n : null;

    private static int? MinutesOf(string s)
    {
        if (Duration().Match(s) is not { Success: true } m || !decimal.TryParse(m.Groups["n"].Value,
            CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var minutes = m.Groups["u"].Value is "분" or "min" or "mins" or "minutes" ? (int)n : (int)(n * 60);
        minutes = (minutes + Grid.CellMinutes - 1) / Grid.CellMinutes * Grid.CellMinutes;
        return minutes is > 0 and <= 24 * 60 ? minutes : null;
    }

    private static bool Word(string s, string word) => Regex.IsMatch(s, $@"\b{Regex.Escape(word)}\b", RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(50));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant, 50)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<m>\d{1,2})\s*월\s*(?<d>\d{1,2})\s*일", RegexOptions.CultureInvariant, 50)]
    private static partial Regex KoreanDate();

    [GeneratedRegex(@"\b(?<m>\d{1,2})/(?<d>\d{1,2})\b", RegexOptions.CultureInvariant, 50)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"(?<pre>오전|오후)?\s*(?<h>\d{1,2})\s*(시(?!간)|(?<post>am|pm)\b)", RegexOptions.CultureInvariant, 50)]
    private static partial Regex Hour();

    [GeneratedRegex(@"(?<n>\d{1,4})\s*(명|people|persons|person|pax|ppl)|\bfor\s+(?<f>\d{1,4})\b(?!\s*(hours?|hrs?|h|min|mins|minutes)\b)",
        RegexOptions.CultureInvariant, 50)]
    private static partial Regex People();

    [GeneratedRegex(@"(?<n>\d{1,2}(\.\d)?)\s*(?<u>시간|분|hours|hour|hrs|hr|minutes|mins|min|h)(?![a-z])", RegexOptions.CultureInvariant, 50)]
    private static partial Regex Duration();
}
