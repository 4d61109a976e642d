using System.Globalization;
using System.Text;

namespace SeoulAiHub.Features.Engagement.Visits;

/// <summary>How the briefing pack writes a KPI's change and draws its small trend line.</summary>
public static class BriefingFormat
{
    /// <summary>+12.5% / −3.0% / — (no earlier quarter, or it was zero).</summary>
    public static string Change(double? change) => change is { } c
        ? (c >= 0 ? "+" : "−") + Math.Abs(c * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : "—";

    /// <summary>
    /// A tiny line of the values (oldest first), decorative: the values themselves are written beside it, so it is
    /// hidden from screen readers. Inline SVG, so it prints and survives the self-contained download.
    /// </summary>
    public static string Sparkline(IReadOnlyList<long> values, int width = 80, int height = 20)
    {
        if (values.Count < 2)
        {
            return "";
        }

        double min = values.Min(), max = values.Max();
        var span = max - min == 0 ? 1 : max - min;
        var points = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            var x = 2 + (width - 4) * i / (double)(values.Count - 1);
            var y = height - 2 - (height - 4) * ((values[i] - min) / span);
            points.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        return $"<svg class=\"ev-spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\" " +
            "focusable=\"false\">" +
               $"<polyline points=\"{points.ToString().TrimEnd()}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/></svg>";
    }
}
