using SeoulAiHub.Features.Engagement.Reports;

namespace SeoulAiHub.Tests.Engagement.Reports;

public sealed class ReportPeriodTests
{
    private static readonly DateOnly DefaultFrom = new(2026, 1, 1);
    private static readonly DateOnly DefaultTo = new(2026, 11, 25);

    [Fact]
    public void Good_dates_are_taken_and_missing_ones_default()
    {
        var period = ReportPeriod.Read("2025-07-01", " 2025-12-31 ", DefaultFrom, DefaultTo);
        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)), (period.From, period.To));
        Assert.Empty(period.Problems);
        var open = ReportPeriod.Read("2025-07-01", null, DefaultFrom, DefaultTo);
        Assert.Equal((new DateOnly(2025, 7, 1), DefaultTo), (open.From, open.To));
        Assert.Empty(ReportPeriod.Read(null, "", DefaultFrom, DefaultTo).Problems);
    }

    [Theory]
    [InlineData("abc", null)]
    [InlineData("2026-13-01", null)]
    [InlineData("2026-02-30", "2026-03-01")]
    [InlineData("2026-01-01", "26-3-1")]
    public void A_date_that_does_not_parse_is_named_and_the_default_period_shown(string? from, string? to)
    {
        var period = ReportPeriod.Read(from, to, DefaultFrom, DefaultTo);
        Assert.Equal((DefaultFrom, DefaultTo), (period.From, period.To));
        var (key, arguments) = Assert.Single(period.Problems);
        Assert.Equal("Engagement.Reports.Error.BadDate", key);
        Assert.Contains((string)arguments[0], new[] { from, to });
    }

    [Fact]
    public void A_start_after_the_end_is_refused_and_a_long_value_is_cut_in_the_message()
    {
        var reversed = ReportPeriod.Read("2026-05-01", "2026-01-31", DefaultFrom, DefaultTo);
        Assert.Equal("Engagement.Reports.Error.FromAfterTo", Assert.Single(reversed.Problems).Key);
        Assert.Equal((DefaultFrom, DefaultTo), (reversed.From, reversed.To));

        var junk = ReportPeriod.Read(new string('x', 500), new string('y', 3), DefaultFrom, DefaultTo);
        Assert.Equal(2, junk.Problems.Count);
        Assert.True(((string)junk.Problems[0].Arguments[0]).Length <= 41);
    }

    [Fact]
    public void Quick_links_cover_the_current_and_previous_quarter_and_year()
    {
        var links = ReportPeriod.Links(new DateOnly(2026, 1, 15)).ToDictionary(l => l.LabelKey, l => (l.From, l.To));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), links["Engagement.Reports.Period.ThisQuarter"]);
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)), links["Engagement.Reports.Period.LastQuarter"]);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), links["Engagement.Reports.Period.ThisYear"]);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), links["Engagement.Reports.Period.LastYear"]);
        Assert.Equal("from=2025-10-01&to=2025-12-31", ReportPeriod.Links(new DateOnly(2026, 1, 15))[1].Query);
    }
}
