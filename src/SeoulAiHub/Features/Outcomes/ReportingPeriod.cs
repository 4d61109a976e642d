using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>보고 기간의 단위 — a quarter, a half or a calendar year.</summary>
public enum PeriodGrain
{
    Quarter = 3,
    Half = 6,
    Year = 12,
}

/// <summary>
/// 보고 기간 — a calendar quarter, half or year, kept as the index of its last month (year × 12 + month − 1) and its
/// length in months. Two integers make "which periods lie inside this one" a range test in SQL, and they sort in time.
/// Written "2025-Q3", "2025-H1" or "2025".
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private ReportingPeriod(int endMonth, int months) => (EndMonth, Months) = (endMonth, months);

    /// <summary>Year × 12 + (month − 1) of the period's last month.</summary>
    public int EndMonth { get; }

    /// <summary>3, 6 or 12.</summary>
    public int Months { get; }

    public PeriodGrain Grain => (PeriodGrain)Months;
    public int Year => EndMonth / 12;

    /// <summary>1-based index within the year: quarter 1–4, half 1–2, or 1 for a year.</summary>
    public int Index => EndMonth % 12 / Months + 1;
    public int StartMonth => EndMonth - Months + 1;
    public DateOnly StartsOn => new(StartMonth / 12, StartMonth % 12 + 1, 1);
    public DateOnly EndsOn => new DateOnly(Year, EndMonth % 12 + 1, 1).AddMonths(1).AddDays(-1);

    public static ReportingPeriod Of(PeriodGrain grain, int year, int index)
    {
        var months = (int)grain;
        if (year is < 1990 or > 2200 || index < 1 || index > 12 / months)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"No {grain} {index} in {year}.");
        }

        return new ReportingPeriod(year * 12 + index * months - 1, months);
    }

    /// <summary>From the two stored integers; throws when they do not name a calendar period.</summary>
    public static ReportingPeriod FromStored(int endMonth, int months)
    {
        if (months is not (3 or 6 or 12) || (endMonth % 12 + 1) % months != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(endMonth), $"{endMonth}/{months} is not a calendar period.");
        }

        return new ReportingPeriod(endMonth, months);
    }

    /// <summary>The period of this grain that contains the date.</summary>
    public static ReportingPeriod Containing(DateOnly date, PeriodGrain grain) =>
        Of(grain, date.Year, (date.Month - 1) / (int)grain + 1);

    public ReportingPeriod Previous => new(EndMonth - Months, Months);
    public ReportingPeriod Next => new(EndMonth + Months, Months);

    /// <summary>The same period a year earlier (for year-on-year comparison).</summary>
    public ReportingPeriod YearEarlier => new(EndMonth - 12, Months);

    /// <summary>Whether <paramref name="other"/> lies wholly inside this period.</summary>
    public bool Contains(ReportingPeriod other) => other.StartMonth >= StartMonth && other.EndMonth <= EndMonth;

    public bool Overlaps(ReportingPeriod other) => other.StartMonth <= EndMonth && StartMonth <= other.EndMonth;

    /// <summary>The periods of a grain from <paramref name="first"/> to <paramref name="last"/>, in time order.</summary>
    public static IEnumerable<ReportingPeriod> Range(ReportingPeriod first, ReportingPeriod last)
    {
        for (var p = first; p.EndMonth <= last.EndMonth; p = p.Next)
        {
            yield return p;
        }
    }

    public string Code => Grain switch
    {
        PeriodGrain.Quarter => $"{Year}-Q{Index}",
        PeriodGrain.Half => $"{Year}-H{Index}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"2025년 3분기" / "Q3 2025".</summary>
    public string Label(bool english) => (Grain, english) switch
    {
        (PeriodGrain.Quarter, false) => $"{Year}년 {Index}분기",
        (PeriodGrain.Half, false) => $"{Year}년 {(Index == 1 ? "상" : "하")}반기",
        (PeriodGrain.Year, false) => $"{Year}년",
        (PeriodGrain.Quarter, true) => $"Q{Index} {Year}",
        (PeriodGrain.Half, true) => $"H{Index} {Year}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Short label for chart axes: "25.3Q", "25.H1", "2025".</summary>
    public string ShortLabel => Grain switch
    {
        PeriodGrain.Quarter => $"{Year % 100:00}.{Index}Q",
        PeriodGrain.Half => $"{Year % 100:00}.H{Index}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportingPeriod? period)
    {
        period = null;
        text = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(text) || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None,
            CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2200)
        {
            return false;
        }

        if (text.Length == 4)
        {
            period = Of(PeriodGrain.Year, year, 1);
            return true;
        }

        if (text.Length != 7 || text[4] != '-' || text[6] is < '1' or > '4')
        {
            return false;
        }

        var index = text[6] - '0';
        (PeriodGrain Grain, int Max)? kind = text[5] switch { 'Q' => (PeriodGrain.Quarter, 4), 'H' => (PeriodGrain.Half, 2), _ => null };
        if (kind is null || index > kind.Value.Max)
        {
            return false;
        }

        period = Of(kind.Value.Grain, year, index);
        return true;
    }

    public int CompareTo(ReportingPeriod other) => EndMonth != other.EndMonth ? EndMonth.CompareTo(other.EndMonth)
        : other.Months.CompareTo(Months);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => Code;
}
