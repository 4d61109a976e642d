using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.Rollups;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>Flows (revenue, hires): summed over the periods inside the target, partial when some are missing.</summary>
public sealed class FlowAggregationTests
{
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
            Cell("2024-Q4", 1_000, 3, 3), Cell("2025-Q2", 20, 3, 3), Cell("2025-Q3", 30, 3, 3), Cell("2025-Q4", 40, 3, 3),
            Cell("2026-Q1", 5_000, 3, 3),
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
}
