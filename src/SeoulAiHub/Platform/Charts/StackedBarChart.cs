using System.Globalization;
using System.Text;

namespace SeoulAiHub.Platform.Charts;

/// <summary>
/// A vertical stacked bar chart of counts: one bar per column (a quarter, say), split into one segment per series (a
/// category), with the column's total above the bar and a legend below. Like the other charts it is a picture of a
/// table the page shows beside it; the segments are separated by white lines so that neighbouring colours stay apart.
/// </summary>
public static class StackedBarChart
{
    /// <summary>Eight colours with at least 4.5:1 contrast against white (WCAG non-text contrast needs 3:1), distinct in hue.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#1d4f91", "#b3541e", "#2e7d32", "#8e24aa", "#c62828", "#00695c", "#6d4c41", "#4a5568"];

    private const int Width = 640;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 22;
    private const int PlotHeight = 220;
    private const int AxisLabels = 28;
    private const int LegendRow = 22;
    private const int LegendColumns = 4;

    public static string Render(ChartText text, IReadOnlyList<string> columns,
        IReadOnlyList<(string Name, string Color, int[] Values)> series)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Any(s => s.Values.Length != columns.Count))
        {
            throw new ArgumentException("Every series needs one value per column.", nameof(series));
        }

        var legendRows = (series.Count + LegendColumns - 1) / LegendColumns;
        var height = Top + PlotHeight + AxisLabels + legendRows * LegendRow + 8;
        var svg = new StringBuilder();
        Svg.Open(svg, text, Width, height, "stacked-bar-chart");

        var totals = Enumerable.Range(0, columns.Count).Select(i => series.Sum(s => Math.Max(0, s.Values[i]))).ToList();
        var (step, ticks) = Scale(totals.DefaultIfEmpty(0).Max());
        var top = (double)step * ticks;
        var bottom = Top + PlotHeight;
        double Y(double v) => bottom - v / top * PlotHeight;

        // Axis and grid: decorative, the numbers are in the table.
        svg.Append("""<g aria-hidden="true">""");
        for (var tick = 0; tick <= ticks; tick++)
        {
            var y = Svg.N(Y(tick * step));
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{Left}" y1="{y}" x2="{Width - Right}" y2="{y}" stroke="{Svg.Grid}" stroke-width="1"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Left - 6}" y="{Svg.N(Y(tick * step) + 4)}" text-anchor="end" fill="{Svg.Text}">{tick * step}</text>""");
        }

        svg.Append("</g>");

        var slot = (Width - Left - Right) / (double)Math.Max(1, columns.Count);
        var barWidth = Math.Min(56, slot * 0.62);
        for (var i = 0; i < columns.Count; i++)
        {
            var x = Left + i * slot + (slot - barWidth) / 2;
            var parts = series.Where(s => s.Values[i] > 0).Select(s => $"{s.Name} {s.Values[i]}");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g class="bar-group" data-column="{Svg.Encode(columns[i])}" """ +
                $"""data-total="{totals[i]}"><title>{Svg.Encode(columns[i])}: """ +
                $"""{totals[i]}{(totals[i] > 0 ? " (" + Svg.Encode(string.Join(", ", parts)) + ")" : "")}</title>""");
            double stacked = 0;
            foreach (var (name, color, values) in series)
            {
                var value = values[i];
                if (value <= 0)
                {
                    continue;
                }

                var y1 = Y(stacked + value);
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<rect x="{Svg.N(x)}" y="{Svg.N(y1)}" width="{Svg.N(barWidth)}" height="{Svg.N(Y(stacked) - y1)}" """ +
                    $"""fill="{Svg.Encode(color)}" stroke="#ffffff" stroke-width="1" data-series="{Svg.Encode(name)}" """ +
                    $"""data-value="{value}"/>""");
                stacked += value;
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Svg.N(x + barWidth / 2)}" y="{Svg.N(Y(stacked) - 5)}" text-anchor="middle" fill="{Svg.Text}" """ +
                $"""aria-hidden="true">{totals[i]}</text>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Svg.N(x + barWidth / 2)}" y="{bottom + 18}" text-anchor="middle" fill="{Svg.Text}" """ +
                $"""aria-hidden="true">{Svg.Encode(columns[i])}</text>""");
            svg.Append("</g>");
        }

        // Legend below the plot, four entries a row.
        svg.Append("""<g class="legend" aria-hidden="true">""");
        var legendTop = bottom + AxisLabels;
        var entryWidth = (Width - Left - Right) / (double)LegendColumns;
        for (var s = 0; s < series.Count; s++)
        {
            var lx = Left + s % LegendColumns * entryWidth;
            var ly = legendTop + s / LegendColumns * LegendRow;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{Svg.N(lx)}" y="{ly}" width="12" height="12" fill="{Svg.Encode(series[s].Color)}"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Svg.N(lx + 17)}" y="{ly + 11}" fill="{Svg.Text}">{Svg.Encode(series[s].Name)}</text>""");
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>A whole-number step (1, 2, 5, 10, …; 2.5 rounded up to 3) and how many steps reach the largest total.</summary>
    internal static (int Step, int Ticks) Scale(int max)
    {
        var step = Math.Max(1, (int)Math.Ceiling(Svg.NiceMax(max / 5.0)));
        return (step, Math.Max(1, (max + step - 1) / step));
    }
}
