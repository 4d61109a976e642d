using System.Globalization;
using System.Net;
using System.Text;

namespace SeoulAiHub.Platform.Charts;

/// <summary>One value of a chart: its label, the number (null when there is none to draw) and how it is written.</summary>
public sealed record ChartPoint(string Label, double? Value, string Display);

/// <summary>What every chart says about itself: an id unique on the page, a title and a description for screen readers.</summary>
public sealed record ChartText(string Id, string Title, string Description);

/// <summary>
/// Server-rendered SVG charts shared by the modules: sized by viewBox (they scale with their container and print as
/// they look), role="img" with a &lt;title&gt; and &lt;desc&gt; named by aria-labelledby, colours given as attributes
/// (no style attributes: the CSP forbids them) and dark enough against white for WCAG contrast. The numbers are
/// always also in a data table beside the chart; the chart is a picture of that table.
/// </summary>
public static class Svg
{
    /// <summary>Dark blue (8.6:1 on white) for lines and bars.</summary>
    public const string Ink = "#1d4f91";

    /// <summary>Grid lines and axes (decorative).</summary>
    public const string Grid = "#c9d1dc";

    /// <summary>Axis text (7:1 on white).</summary>
    public const string Text = "#3d4652";

    internal static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    internal static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    internal static void Open(StringBuilder svg, ChartText text, int width, int height, string css)
    {
        var id = Encode(text.Id);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" """ +
            $"""aria-labelledby="{id}-title {id}-desc" class="chart {Encode(css)}" font-size="13">""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<title id="{id}-title">{Encode(text.Title)}</title><desc id="{id}-desc">{Encode(text.Description)}</desc>""");
    }

    /// <summary>A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least the largest value.</summary>
    public static double NiceMax(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}

/// <summary>A line chart of a series over time (periods on the x axis); missing values leave a gap.</summary>
public static class LineChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 78;
    private const int Right = 30;
    private const int Top = 16;
    private const int Bottom = 36;

    public static string Render(ChartText text, IReadOnlyList<ChartPoint> points, Func<double, string> axisLabel)
    {
        var svg = new StringBuilder();
        Svg.Open(svg, text, Width, Height, "line-chart");
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var min = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var max = Svg.NiceMax(values.DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(double v) => Top + plotHeight - (v - min) / (max - min) * plotHeight;
        double X(int i) => points.Count <= 1 ? Left + plotWidth / 2.0 : Left + i * plotWidth / (double)(points.Count - 1);

        svg.Append("""<g aria-hidden="true">""");
        for (var tick = 0; tick <= 4; tick++)
        {
            var v = min + (max - min) * tick / 4;
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{Left}" y1="{Svg.N(y)}" x2="{Width - Right}" y2="{Svg.N(y)}" stroke="{Svg.Grid}" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Left - 6}" y="{Svg.N(y + 4)}" text-anchor="end" fill="{Svg.Text}">{Svg.Encode(axisLabel(v))}</text>""");
        }

        for (var i = 0; i < points.Count; i++)
        {
            // Every label when they fit, otherwise every second one.
            if (points.Count <= 10 || i % 2 == (points.Count - 1) % 2)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<text x="{Svg.N(X(i))}" y="{Height - 12}" text-anchor="middle" """ +
                    $"""fill="{Svg.Text}">{Svg.Encode(points[i].Label)}</text>""");
            }
        }

        svg.Append("</g>");

        // Runs of consecutive values become one polyline each.
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<polyline points="{string.Join(' ', run)}" fill="none" stroke="{Svg.Ink}" stroke-width="2.5" """ +
                    $"""stroke-linejoin="round"/>""");
            }

            run.Clear();
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                run.Add($"{Svg.N(X(i))},{Svg.N(Y(v))}");
            }
            else
            {
                Flush();
            }
        }

        Flush();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<circle cx="{Svg.N(X(i))}" cy="{Svg.N(Y(v))}" r="4" fill="{Svg.Ink}"><title>{Svg.Encode(points[i].Label)}: """ +
                    $"""{Svg.Encode(points[i].Display)}</title></circle>""");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}

/// <summary>A horizontal bar chart: one labelled bar per item, its value written at the end of the bar.</summary>
public static class BarChart
{
    private const int Width = 640;
    private const int LabelWidth = 210;
    private const int ValueWidth = 140;
    private const int BarHeight = 22;
    private const int Gap = 8;

    public static string Render(ChartText text, IReadOnlyList<ChartPoint> bars)
    {
        var height = Math.Max(1, bars.Count) * (BarHeight + Gap) + Gap;
        var svg = new StringBuilder();
        Svg.Open(svg, text, Width, height, "bar-chart");
        var max = Math.Max(1e-9, bars.Select(b => Math.Abs(b.Value ?? 0)).DefaultIfEmpty(0).Max());
        var room = Width - LabelWidth - ValueWidth;
        var y = Gap;
        foreach (var bar in bars)
        {
            var width = bar.Value is { } v ? Math.Max(v == 0 ? 0 : 2, Math.Abs(v) / max * room) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"""<g><title>{Svg.Encode(bar.Label)}: {Svg.Encode(bar.Display)}</title>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{LabelWidth - 8}" y="{y + 16}" text-anchor="end" fill="{Svg.Text}">{Svg.Encode(Shorten(bar.Label))}</text>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{LabelWidth}" y="{y}" width="{Svg.N(width)}" height="{BarHeight}" rx="3" fill="{Svg.Ink}"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Svg.N(LabelWidth + width + 6)}" y="{y + 16}" fill="{Svg.Text}">{Svg.Encode(bar.Display)}</text></g>""");
            y += BarHeight + Gap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 22 ? label : label[..21] + "…";
}
