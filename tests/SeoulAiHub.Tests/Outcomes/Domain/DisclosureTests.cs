using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.Rollups;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>Disclosure: figures of fewer than three organizations are withheld, with the next smallest segment beside them.</summary>
public sealed class DisclosureTests
{
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
