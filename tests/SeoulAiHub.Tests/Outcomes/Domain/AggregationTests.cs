using SeoulAiHub.Features.Outcomes;

namespace SeoulAiHub.Tests.Outcomes.Domain;

public sealed class AggregationTests
{
    private static ReportingPeriod P(string code) =>
        ReportingPeriod.TryParse(code, out var period) ? period.Value : throw new ArgumentException(code);

    private static RollupCell Cell(string code, long sum, int reporting, int expected) =>
        new(P(code).EndMonth, P(code).Months, sum, reporting, expected);

    private static Figure F(long? sum, int reporting, int expected = 0, int missing = 0) => new(sum, reporting, expected, missing, false, false);

    // ---- flows -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_flow_of_a_year_is_the_sum_of_its_quarters()
    {
        var cells = new[] { Cell("2025-Q1", 10, 3, 4), Cell("2025-Q2", 20, 4, 4), Cell("2025-Q3", 30, 2, 4), Cell("2025-Q4", 40, 4, 4) };
        var figure = Aggregation.Of(KpiKind.Flow, P("2025"), cells);
        Assert.Equal(100, figure.Sum);
        Assert.False(figure.Partial);
        Assert.Equal(4, figure.Reporting);   // the largest single period: a lower bound of distinct organizations
        Assert.Equal(4, figure.Expected);
        Assert.Equal(3, figure.Missing);     // 1 + 0 + 2 + 0 organization-periods not reported
        Assert.False(figure.Suppressed);
        Assert.True(figure.HasData);
    }

    [Fact]
    public void A_flow_ignores_periods_outside_the_target()
    {
        var cells = new[]
        {
            Cell("2024-Q4", 1_000, 3, 3), Cell("2025-Q2", 20, 3, 3), Cell("2025-Q3", 30, 3, 3), Cell("2025-Q4", 40, 3, 3), Cell("2026-Q1", 5_000, 3, 3),
        };
        Assert.Equal(70, Aggregation.Of(KpiKind.Flow, P("2025-H2"), cells).Sum);
        Assert.Equal(30, Aggregation.Of(KpiKind.Flow, P("2025-Q3"), cells).Sum);
        Assert.Equal(20, Aggregation.Of(KpiKind.Flow, P("2025-H1"), cells).Sum);
        Assert.True(Aggregation.Of(KpiKind.Flow, P("2025-H1"), cells).Partial);
    }

    [Fact]
    public void A_flow_reported_for_only_some_quarters_is_partial()
    {
        var cells = new[] { Cell("2025-Q1", 10, 3, 3), Cell("2025-Q2", 20, 3, 3), Cell("2025-Q3", 30, 3, 3) };
        var figure = Aggregation.Of(KpiKind.Flow, P("2025"), cells);
        Assert.Equal(60, figure.Sum);
        Assert.True(figure.Partial);
        Assert.Equal(0, figure.Missing);
    }

    [Fact]
    public void A_flow_made_of_a_half_and_two_quarters_covers_the_year()
    {
        var cells = new[] { Cell("2025-H1", 100, 3, 3), Cell("2025-Q3", 30, 3, 3), Cell("2025-Q4", 40, 3, 3) };
        var figure = Aggregation.Of(KpiKind.Flow, P("2025"), cells);
        Assert.Equal(170, figure.Sum);
        Assert.False(figure.Partial);
    }

    [Fact]
    public void A_longer_period_is_not_part_of_a_shorter_flow()
    {
        // A year's revenue says nothing about its third quarter.
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Flow, P("2025-Q3"), [Cell("2025", 1_000, 3, 3)]));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Flow, P("2025-Q4"), [Cell("2025", 1_000, 3, 3)]));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Flow, P("2025-H2"), [Cell("2025", 1_000, 3, 3)]));
    }

    [Fact]
    public void Campaigns_and_sites_of_the_same_period_are_added()
    {
        var cells = new[] { Cell("2025-Q3", 100, 2, 3), Cell("2025-Q3", 50, 1, 2), Cell("2025-Q3", 7, 4, 4) };
        var figure = Aggregation.Of(KpiKind.Flow, P("2025-Q3"), cells);
        Assert.Equal(F(157, 7, 9, 2), figure);

        var stock = Aggregation.Of(KpiKind.Stock, P("2025-Q3"), cells);
        Assert.Equal(F(157, 7, 9, 2), stock);
    }

    [Fact]
    public void Sub_periods_from_several_campaigns_are_added_before_the_missing_count()
    {
        var cells = new[] { Cell("2025-Q1", 10, 2, 3), Cell("2025-Q1", 5, 1, 1), Cell("2025-Q2", 20, 1, 4) };
        var figure = Aggregation.Of(KpiKind.Flow, P("2025-H1"), cells);
        Assert.Equal(35, figure.Sum);
        Assert.Equal(3, figure.Reporting);   // Q1: 2 + 1
        Assert.Equal(4, figure.Expected);
        Assert.Equal(4, figure.Missing);     // Q1: 1, Q2: 3
        Assert.False(figure.Partial);
    }

    [Fact]
    public void Nobody_reporting_is_no_sum_but_everybody_missing()
    {
        var figure = Aggregation.Of(KpiKind.Flow, P("2025-Q3"), [Cell("2025-Q3", 0, 0, 5)]);
        Assert.Null(figure.Sum);
        Assert.Equal(0, figure.Reporting);
        Assert.Equal(5, figure.Expected);
        Assert.Equal(5, figure.Missing);
        Assert.False(figure.HasData);
        Assert.Null(figure.PerOrganization);

        var stock = Aggregation.Of(KpiKind.Stock, P("2025-Q3"), [Cell("2025-Q3", 0, 0, 5)]);
        Assert.Null(stock.Sum);
        Assert.Equal(5, stock.Missing);
    }

    [Fact]
    public void No_cells_is_no_figure()
    {
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Flow, P("2025"), []));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Stock, P("2025"), []));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Flow, P("2025"), [Cell("2024-Q4", 10, 3, 3)]));
        Assert.False(Figure.None.HasData);
    }

    [Fact]
    public void Zero_is_a_reported_figure()
    {
        var figure = Aggregation.Of(KpiKind.Flow, P("2025-Q3"), [Cell("2025-Q3", 0, 3, 3)]);
        Assert.Equal(0, figure.Sum);
        Assert.True(figure.HasData);
        Assert.Equal(0, figure.PerOrganization);
    }

    // ---- stocks ------------------------------------------------------------------------------------------------

    [Fact]
    public void A_stock_is_taken_at_the_period_end_and_never_summed_over_time()
    {
        var cells = new[] { Cell("2025-Q1", 10, 3, 3), Cell("2025-Q2", 12, 3, 3), Cell("2025-Q3", 15, 3, 3), Cell("2025-Q4", 18, 3, 4) };
        Assert.Equal(F(18, 3, 4, 1), Aggregation.Of(KpiKind.Stock, P("2025"), cells));
        Assert.Equal(F(18, 3, 4, 1), Aggregation.Of(KpiKind.Stock, P("2025-H2"), cells));
        Assert.Equal(F(12, 3, 3, 0), Aggregation.Of(KpiKind.Stock, P("2025-H1"), cells));
        Assert.Equal(F(15, 3, 3, 0), Aggregation.Of(KpiKind.Stock, P("2025-Q3"), cells));
    }

    [Fact]
    public void A_third_quarter_headcount_is_not_the_years()
    {
        var cells = new[] { Cell("2025-Q1", 10, 3, 3), Cell("2025-Q2", 12, 3, 3), Cell("2025-Q3", 15, 3, 3) };
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Stock, P("2025"), cells));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Stock, P("2025-H2"), cells));
    }

    [Fact]
    public void A_year_end_stock_counts_for_the_fourth_quarter_and_the_second_half()
    {
        var cells = new[] { Cell("2025", 40, 3, 3) };
        Assert.Equal(F(40, 3, 3, 0), Aggregation.Of(KpiKind.Stock, P("2025-Q4"), cells));
        Assert.Equal(F(40, 3, 3, 0), Aggregation.Of(KpiKind.Stock, P("2025-H2"), cells));
        Assert.Equal(F(40, 3, 3, 0), Aggregation.Of(KpiKind.Stock, P("2025"), cells));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Stock, P("2025-Q3"), cells));
        Assert.Equal(Figure.None, Aggregation.Of(KpiKind.Stock, P("2026-Q4"), cells));
    }

    [Fact]
    public void A_stock_from_a_quarterly_and_a_yearly_campaign_ending_together_is_added()
    {
        // Different organizations (an organization reports a period once), same closing day.
        var cells = new[] { Cell("2025-Q4", 18, 3, 3), Cell("2025", 40, 4, 5) };
        Assert.Equal(F(58, 7, 8, 1), Aggregation.Of(KpiKind.Stock, P("2025"), cells));
        Assert.False(Aggregation.Of(KpiKind.Stock, P("2025"), cells).Partial);
    }

    [Fact]
    public void Per_organization_divides_by_those_reporting() =>
        Assert.Equal(25.0, Aggregation.Of(KpiKind.Flow, P("2025-Q3"), [Cell("2025-Q3", 100, 4, 6)]).PerOrganization);

    // ---- disclosure --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Figures_of_fewer_than_three_organizations_are_withheld(int reporting)
    {
        var withheld = Disclosure.Primary(F(reporting == 0 ? 0 : 500, reporting, 5, 5 - reporting));
        Assert.Null(withheld.Sum);
        Assert.True(withheld.Suppressed);
        Assert.True(withheld.HasData);
        Assert.Equal(reporting, withheld.Reporting);
        Assert.Null(withheld.PerOrganization);
    }

    [Fact]
    public void Figures_of_three_or_more_are_shown_and_no_data_stays_no_data()
    {
        Assert.Equal(F(500, 3, 3), Disclosure.Primary(F(500, 3, 3)));
        Assert.Equal(F(0, 10, 12, 2), Disclosure.Primary(F(0, 10, 12, 2)));
        Assert.Equal(Figure.None, Disclosure.Primary(Figure.None));
        Assert.Equal(F(null, 0, 5, 5), Disclosure.Primary(F(null, 0, 5, 5)));
    }

    [Fact]
    public void One_withheld_segment_beside_its_total_takes_the_next_smallest_with_it()
    {
        var segments = new[] { F(500, 5), F(20, 2), F(400, 4), F(300, 4), F(9_000, 9) };
        var shown = Disclosure.Breakdown(segments, totalShown: true);
        Assert.Equal([false, true, false, true, false], shown.Select(f => f.Suppressed));
        Assert.Equal([500L, null, 400L, null, 9_000L], shown.Select(f => f.Sum));
        Assert.Equal(segments.Select(s => s.Reporting), shown.Select(f => f.Reporting));
    }

    [Fact]
    public void Secondary_suppression_skips_segments_without_data()
    {
        var segments = new[] { F(null, 0, 4, 4), F(20, 1), F(700, 7) };
        var shown = Disclosure.Breakdown(segments, totalShown: true);
        Assert.Equal([false, true, true], shown.Select(f => f.Suppressed));
        Assert.Null(shown[0].Sum);
        Assert.Null(shown[2].Sum);
    }

    [Fact]
    public void Two_withheld_segments_cannot_be_told_apart_so_nothing_more_is_withheld()
    {
        var shown = Disclosure.Breakdown([F(10, 1), F(20, 2), F(300, 3), F(400, 4)], totalShown: true);
        Assert.Equal([true, true, false, false], shown.Select(f => f.Suppressed));
        Assert.Equal([null, null, 300L, 400L], shown.Select(f => f.Sum));
    }

    [Fact]
    public void Without_the_total_only_primary_suppression_applies()
    {
        var shown = Disclosure.Breakdown([F(500, 5), F(20, 2), F(300, 4)], totalShown: false);
        Assert.Equal([false, true, false], shown.Select(f => f.Suppressed));
        Assert.Equal([500L, null, 300L], shown.Select(f => f.Sum));
    }

    [Fact]
    public void A_single_withheld_segment_alone_stays_withheld()
    {
        var shown = Disclosure.Breakdown([F(20, 2)], totalShown: true);
        Assert.True(Assert.Single(shown).Suppressed);
    }

    [Fact]
    public void No_segments_is_an_empty_breakdown()
    {
        Assert.Empty(Disclosure.Breakdown([], totalShown: true));
        Assert.Empty(Disclosure.Breakdown([], totalShown: false));
        var clean = Disclosure.Breakdown([F(300, 3), F(400, 4)], totalShown: true);
        Assert.All(clean, f => Assert.False(f.Suppressed));
    }
}
