using System.Globalization;
using System.Xml.Linq;
using SeoulAiHub.Platform.Charts;

namespace SeoulAiHub.Tests.Engagement.Reports;

public sealed class StackedBarChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static readonly string[] Quarters = ["25.1Q", "25.2Q", "25.3Q"];

    private static XElement Render(params (string Name, string Color, int[] Values)[] series) =>
        XDocument.Parse(StackedBarChart.Render(new ChartText("trend", "분류별 의견 <추이>", "막대 & 표"), Quarters, series)).Root!;

    private static double Number(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!,
        CultureInfo.InvariantCulture);

    [Fact]
    public void Is_an_image_named_by_its_escaped_title_and_description_with_one_bar_group_per_column()
    {
        var root = Render(("인재 유출", "#1d4f91", [2, 0, 1]), ("자금 <지원>", "#b3541e", [1, 3, 0]));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("trend-title trend-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("분류별 의견 <추이>", root.Element(Ns + "title")!.Value);
        Assert.Equal("막대 & 표", root.Element(Ns + "desc")!.Value);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);

        var groups = root.Elements(Ns + "g").Where(g => (string?)g.Attribute("class") == "bar-group").ToList();
        Assert.Equal(Quarters, groups.Select(g => (string)g.Attribute("data-column")!));
        Assert.Equal(["3", "3", "1"], groups.Select(g => (string)g.Attribute("data-total")!));
        Assert.Equal("25.1Q: 3 (인재 유출 2, 자금 <지원> 1)", groups[0].Element(Ns + "title")!.Value);
        Assert.Equal("25.3Q: 1 (인재 유출 1)", groups[2].Element(Ns + "title")!.Value);

        // A segment per value above zero, in series order from the bottom up, with its series' colour.
        var first = groups[0].Elements(Ns + "rect").ToList();
        Assert.Equal(["인재 유출", "자금 <지원>"], first.Select(r => (string)r.Attribute("data-series")!));
        Assert.Equal(["#1d4f91", "#b3541e"], first.Select(r => (string)r.Attribute("fill")!));
        Assert.True(Number(first[1], "y") < Number(first[0], "y"));
        Assert.Equal(Number(first[0], "y"), Number(first[1], "y") + Number(first[1], "height"), tolerance: 0.3);
        Assert.Equal(Number(first[0], "height"), 2 * Number(first[1], "height"), tolerance: 0.3);
        Assert.Single(groups[1].Elements(Ns + "rect"));
        Assert.Single(groups[2].Elements(Ns + "rect"));

        // Equal totals make equally tall bars.
        double Height(XElement g) => g.Elements(Ns + "rect").Sum(r => Number(r, "height"));
        Assert.Equal(Height(groups[0]), Height(groups[1]), tolerance: 0.3);
        Assert.Equal(Height(groups[0]) / 3, Height(groups[2]), tolerance: 0.3);

        // A legend entry per series.
        var legend = root.Elements(Ns + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["인재 유출", "자금 <지원>"], legend.Elements(Ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void Renders_valid_svg_without_data_and_refuses_series_of_the_wrong_length()
    {
        var empty = Render(("기타", "#4a5568", [0, 0, 0]));
        Assert.Equal(3, empty.Elements(Ns + "g").Count(g => (string?)g.Attribute("class") == "bar-group"));
        Assert.Empty(empty.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "bar-group")
            .SelectMany(g => g.Elements(Ns + "rect")));
        XDocument.Parse(StackedBarChart.Render(new ChartText("none", "t", "d"), [], []));
        Assert.Throws<ArgumentException>(() => StackedBarChart.Render(new ChartText("bad", "t", "d"), Quarters,
            [("a", "#000000", [1, 2])]));
    }

    [Fact]
    public void The_palette_has_a_colour_per_category_each_dark_enough_against_white()
    {
        Assert.True(StackedBarChart.Palette.Count >= SeoulAiHub.Features.Engagement.FieldOpinion.Categories.Length);
        Assert.Equal(StackedBarChart.Palette.Count, StackedBarChart.Palette.Distinct().Count());
        Assert.All(StackedBarChart.Palette, colour => Assert.True(Contrast(colour) >= 4.5, $"{colour}: {Contrast(colour):0.0}:1"));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(7, 2, 4)]
    [InlineData(11, 3, 4)]
    [InlineData(230, 50, 5)]
    public void The_axis_counts_in_whole_steps_up_to_the_largest_total(int max, int step, int ticks)
    {
        Assert.Equal((step, ticks), StackedBarChart.Scale(max));
        Assert.True(step * ticks >= max);
    }

    /// <summary>WCAG contrast ratio of a colour against white.</summary>
    private static double Contrast(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
        return 1.05 / (luminance + 0.05);
    }
}
