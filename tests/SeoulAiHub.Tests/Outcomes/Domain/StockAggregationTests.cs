using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.Rollups;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>Stocks (headcount): taken at the period's end, never summed over time.</summary>
public sealed class StockAggregationTests
{
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
}
