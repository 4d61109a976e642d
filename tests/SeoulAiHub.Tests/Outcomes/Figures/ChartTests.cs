using System.Xml.Linq;
using SeoulAiHub.Platform.Charts;

namespace SeoulAiHub.Tests.Outcomes.Figures;

public sealed class ChartTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static readonly ChartPoint[] Points =
    [
        new("25.1Q", 1_200, "1,200원"), new("25.2Q", null, "자료 없음"), new("25.3Q", 3_400, "3,400원"), new("25.4Q", 5_000, "5,000원 <&>"),
    ];

    [Fact]
    public void A_line_chart_is_valid_svg_named_by_its_title_and_description_with_a_point_per_value()
    {
        var svg = XDocument.Parse(LineChart.Render(new ChartText("trend-revenue", "매출액 추이", "꺾은선그래프 & 표"), Points, v => v.ToString("0")));
        var root = svg.Root!;
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("trend-revenue-title trend-revenue-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.StartsWith("0 0 ", (string?)root.Attribute("viewBox"));
        Assert.Null(root.Attribute("width"));
        Assert.Equal("매출액 추이", root.Element(Ns + "title")!.Value);
        Assert.Equal("trend-revenue-title", (string?)root.Element(Ns + "title")!.Attribute("id"));
        Assert.Equal("꺾은선그래프 & 표", root.Element(Ns + "desc")!.Value);

        // Three values drawn (the missing one leaves a gap: two runs, of which only one has two points), each with its figure as a tooltip.
        var circles = root.Descendants(Ns + "circle").ToList();
        Assert.Equal(3, circles.Count);
        Assert.Equal(["25.1Q: 1,200원", "25.3Q: 3,400원", "25.4Q: 5,000원 <&>"], circles.Select(c => c.Element(Ns + "title")!.Value));
        Assert.Single(root.Descendants(Ns + "polyline"));
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);

        // Higher values are drawn higher (smaller y).
        var ys = circles.Select(c => double.Parse((string)c.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2]);
    }

    [Fact]
    public void A_bar_chart_has_one_labelled_bar_per_item_proportional_to_its_value()
    {
        ChartPoint[] bars = [new("스타트업", 300, "300명"), new("대학·대학원", 150, "150명"), new("비공개", null, "비공개 (3개 기관 미만)")];
        var root = XDocument.Parse(BarChart.Render(new ChartText("type-headcount", "기관 유형별 고용 인원", "막대그래프"), bars)).Root!;
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("기관 유형별 고용 인원", root.Element(Ns + "title")!.Value);
        var groups = root.Elements(Ns + "g").ToList();
        Assert.Equal(3, groups.Count);
        Assert.Equal(["스타트업: 300명", "대학·대학원: 150명", "비공개: 비공개 (3개 기관 미만)"], groups.Select(g => g.Element(Ns + "title")!.Value));
        var widths = groups.Select(g => double.Parse((string)g.Element(Ns + "rect")!.Attribute("width")!,
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths[0] / 2, widths[1], 1);
        Assert.Equal(0, widths[2]);
        Assert.Contains(groups[2].Elements(Ns + "text"), t => t.Value == "비공개 (3개 기관 미만)");
    }

    [Fact]
    public void An_empty_chart_still_renders_valid_svg()
    {
        XDocument.Parse(LineChart.Render(new ChartText("e", "t", "d"), [], v => v.ToString("0")));
        XDocument.Parse(BarChart.Render(new ChartText("e2", "t", "d"), []));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 10)]
    [InlineData(12, 20)]
    [InlineData(230, 250)]
    [InlineData(4_100_000_000, 5_000_000_000)]
    public void Axis_maxima_are_round(double max, double expected) => Assert.Equal(expected, Svg.NiceMax(max));
}
