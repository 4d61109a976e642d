using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.Rollups;

namespace SeoulAiHub.Tests.Outcomes.Domain;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData(PeriodGrain.Quarter, 2025, 1, "2025-Q1")]
    [InlineData(PeriodGrain.Quarter, 2025, 3, "2025-Q3")]
    [InlineData(PeriodGrain.Quarter, 2024, 4, "2024-Q4")]
    [InlineData(PeriodGrain.Half, 2025, 1, "2025-H1")]
    [InlineData(PeriodGrain.Half, 2025, 2, "2025-H2")]
    [InlineData(PeriodGrain.Year, 2025, 1, "2025")]
    public void Of_parse_and_code_round_trip(PeriodGrain grain, int year, int index, string code)
    {
        var period = ReportingPeriod.Of(grain, year, index);
        Assert.Equal(code, period.Code);
        Assert.Equal(code, period.ToString());
        Assert.Equal(grain, period.Grain);
        Assert.Equal(year, period.Year);
        Assert.Equal(index, period.Index);
        Assert.True(ReportingPeriod.TryParse(code, out var parsed));
        Assert.Equal(period, parsed);
        Assert.Equal(period, ReportingPeriod.FromStored(period.EndMonth, period.Months));
    }

    [Theory]
    [InlineData("2025-q3", "2025-Q3")]
    [InlineData(" 2025-h2 ", "2025-H2")]
    [InlineData("2025 ", "2025")]
    public void Parsing_ignores_case_and_surrounding_spaces(string text, string code)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(code, period.Value.Code);
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("2025-Q0")]
    [InlineData("2025-H3")]
    [InlineData("2025-H0")]
    [InlineData("25-Q1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("2025Q1")]
    [InlineData("2025-X1")]
    [InlineData("2025-Q12")]
    [InlineData("2025-")]
    [InlineData("20251")]
    [InlineData("+025")]
    [InlineData("abcd")]
    [InlineData("1989")]
    [InlineData("2201-Q1")]
    [InlineData("２０２５")]
    public void Bad_codes_are_refused(string? text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out var period));
        Assert.Null(period);
    }

    [Theory]
    [InlineData(PeriodGrain.Quarter, 2025, 0)]
    [InlineData(PeriodGrain.Quarter, 2025, 5)]
    [InlineData(PeriodGrain.Half, 2025, 3)]
    [InlineData(PeriodGrain.Year, 2025, 2)]
    [InlineData(PeriodGrain.Quarter, 1989, 1)]
    [InlineData(PeriodGrain.Year, 2201, 1)]
    public void Of_refuses_periods_that_do_not_exist(PeriodGrain grain, int year, int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Of(grain, year, index));

    [Theory]
    [InlineData(2025 * 12 + 1, 3)]   // February is no quarter's end
    [InlineData(2025 * 12 + 2, 6)]   // March is no half's end
    [InlineData(2025 * 12 + 5, 12)]  // June is no year's end
    [InlineData(2025 * 12 + 2, 4)]   // four months is no grain
    [InlineData(2025 * 12 + 11, 1)]
    public void Stored_integers_that_name_no_calendar_period_are_refused(int endMonth, int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.FromStored(endMonth, months));

    [Theory]
    [InlineData("2025-Q1", "2024-Q4", "2025-Q2")]
    [InlineData("2024-Q4", "2024-Q3", "2025-Q1")]
    [InlineData("2025-H1", "2024-H2", "2025-H2")]
    [InlineData("2025-H2", "2025-H1", "2026-H1")]
    [InlineData("2025", "2024", "2026")]
    public void Previous_and_next_cross_year_boundaries(string code, string previous, string next)
    {
        Assert.Equal(previous, P(code).Previous.Code);
        Assert.Equal(next, P(code).Next.Code);
        Assert.Equal(P(code), P(code).Previous.Next);
    }

    [Theory]
    [InlineData("2025-Q1", "2024-Q1")]
    [InlineData("2025-Q4", "2024-Q4")]
    [InlineData("2025-H2", "2024-H2")]
    [InlineData("2025", "2024")]
    public void Year_earlier_keeps_the_grain_and_index(string code, string earlier) =>
        Assert.Equal(earlier, P(code).YearEarlier.Code);

    [Theory]
    [InlineData("2025", "2025-Q1", true)]
    [InlineData("2025", "2025-Q4", true)]
    [InlineData("2025", "2025-H2", true)]
    [InlineData("2025", "2025", true)]
    [InlineData("2025", "2024-Q4", false)]
    [InlineData("2025", "2026-Q1", false)]
    [InlineData("2025-H2", "2025-Q3", true)]
    [InlineData("2025-H2", "2025-Q2", false)]
    [InlineData("2025-H1", "2025-Q2", true)]
    [InlineData("2025-Q3", "2025", false)]
    [InlineData("2025-Q3", "2025-H2", false)]
    [InlineData("2025-Q3", "2025-Q3", true)]
    public void Contains_means_wholly_inside(string outer, string inner, bool expected) =>
        Assert.Equal(expected, P(outer).Contains(P(inner)));

    [Theory]
    [InlineData("2025-Q2", "2025-H1", true)]
    [InlineData("2025-Q3", "2025-H1", false)]
    [InlineData("2025-Q3", "2025", true)]
    [InlineData("2024-Q4", "2025", false)]
    [InlineData("2025-H2", "2025", true)]
    [InlineData("2025-Q1", "2025-Q1", true)]
    [InlineData("2025-Q1", "2025-Q2", false)]
    [InlineData("2024-H2", "2025-H1", false)]
    public void Overlaps_is_symmetric(string a, string b, bool expected)
    {
        Assert.Equal(expected, P(a).Overlaps(P(b)));
        Assert.Equal(expected, P(b).Overlaps(P(a)));
    }

    [Fact]
    public void Range_lists_the_periods_of_a_grain_in_time_order()
    {
        Assert.Equal(["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"], ReportingPeriod.Range(P("2024-Q3"), P("2025-Q2")).Select(p => p.Code));
        Assert.Equal(["2024-H2", "2025-H1", "2025-H2"], ReportingPeriod.Range(P("2024-H2"), P("2025-H2")).Select(p => p.Code));
        Assert.Equal(["2023", "2024"], ReportingPeriod.Range(P("2023"), P("2024")).Select(p => p.Code));
        Assert.Equal(["2025-Q1"], ReportingPeriod.Range(P("2025-Q1"), P("2025-Q1")).Select(p => p.Code));
        Assert.Empty(ReportingPeriod.Range(P("2025-Q2"), P("2025-Q1")));
    }

    [Theory]
    [InlineData("2024-Q1", "2024-01-01", "2024-03-31")]   // a leap year's February is inside, not at a boundary
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31")]
    [InlineData("2025-Q2", "2025-04-01", "2025-06-30")]
    [InlineData("2025-Q3", "2025-07-01", "2025-09-30")]
    [InlineData("2025-Q4", "2025-10-01", "2025-12-31")]
    [InlineData("2025-H1", "2025-01-01", "2025-06-30")]
    [InlineData("2025-H2", "2025-07-01", "2025-12-31")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    public void Starts_and_ends_on_calendar_days(string code, string starts, string ends)
    {
        Assert.Equal(DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), P(code).StartsOn);
        Assert.Equal(DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), P(code).EndsOn);
    }

    [Theory]
    [InlineData("2025-01-01", PeriodGrain.Quarter, "2025-Q1")]
    [InlineData("2024-02-29", PeriodGrain.Quarter, "2024-Q1")]
    [InlineData("2025-03-31", PeriodGrain.Quarter, "2025-Q1")]
    [InlineData("2025-04-01", PeriodGrain.Quarter, "2025-Q2")]
    [InlineData("2025-09-30", PeriodGrain.Quarter, "2025-Q3")]
    [InlineData("2025-12-31", PeriodGrain.Quarter, "2025-Q4")]
    [InlineData("2025-06-30", PeriodGrain.Half, "2025-H1")]
    [InlineData("2025-07-01", PeriodGrain.Half, "2025-H2")]
    [InlineData("2025-12-31", PeriodGrain.Year, "2025")]
    public void Containing_finds_the_period_of_a_day(string date, PeriodGrain grain, string code)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var period = ReportingPeriod.Containing(day, grain);
        Assert.Equal(code, period.Code);
        Assert.True(period.StartsOn <= day && day <= period.EndsOn);
    }

    [Fact]
    public void Periods_sort_by_their_end_and_the_longer_first_when_they_end_together()
    {
        var sorted = new[] { "2025-Q2", "2025-Q1", "2024-Q4", "2024", "2025-H1", "2023" }.Select(P).Order().Select(p => p.Code);
        Assert.Equal(["2023", "2024", "2024-Q4", "2025-Q1", "2025-H1", "2025-Q2"], sorted);
        Assert.True(P("2025-Q1") < P("2025-Q2"));
        Assert.True(P("2025-Q4") > P("2025-Q3"));
        Assert.True(P("2025-Q3") <= P("2025-Q3"));
        Assert.True(P("2025-Q3") >= P("2025-Q3"));
        Assert.False(P("2025-Q3") < P("2025-Q3"));
        Assert.NotEqual(P("2025"), P("2025-Q4"));
        Assert.Equal(P("2025-Q4").EndMonth, P("2025").EndMonth);
    }

    [Fact]
    public void Labels_in_both_languages()
    {
        Assert.Equal("2025년 3분기", P("2025-Q3").Label(false));
        Assert.Equal("Q3 2025", P("2025-Q3").Label(true));
        Assert.Equal("2025년 상반기", P("2025-H1").Label(false));
        Assert.Equal("2025년 하반기", P("2025-H2").Label(false));
        Assert.Equal("H2 2025", P("2025-H2").Label(true));
        Assert.Equal("2025년", P("2025").Label(false));
        Assert.Equal("2025", P("2025").Label(true));
        Assert.Equal("25.3Q", P("2025-Q3").ShortLabel);
        Assert.Equal("25.H1", P("2025-H1").ShortLabel);
        Assert.Equal("2025", P("2025").ShortLabel);
        Assert.Equal("05.1Q", P("2005-Q1").ShortLabel);
    }
}
