using System.Globalization;
using System.Net;
using System.Text;

namespace SeoulAiHub.Features.Spaces;

/// <summary>
/// The floor chart as server-rendered SVG: one band per floor (top floor first), each room a box whose width is
/// proportional to its area, filled when occupied. Works without JavaScript and prints as it looks.
/// </summary>
public static class OccupancyChart
{
    private const int LabelWidth = 70;
    private const int ChartWidth = 900;
    private const int BandHeight = 56;
    private const int Gap = 10;

    public static string Render(SiteOccupancy site, bool english, string title, Func<string, string> floorLabel)
    {
        var widest = Math.Max(1m, site.Floors.Select(f => f.TotalArea).DefaultIfEmpty(1m).Max());
        var scale = (ChartWidth - LabelWidth - 4) / widest;
        var height = site.Floors.Count * (BandHeight + Gap) + Gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ChartWidth} {height}" role="img" aria-labelledby="chart-title" """ +
            $"""class="floor-chart">""");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">{Encode(title)}</title>");
        var y = Gap;
        foreach (var floor in site.Floors)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="0" y="{y + BandHeight / 2 + 5}" """ +
                $"""class="floor-label">{Encode(floorLabel(floor.Level.ToString(CultureInfo.InvariantCulture)))}</text>""");
            decimal x = LabelWidth;
            foreach (var room in floor.Rooms)
            {
                var width = Math.Max(8m, room.AreaM2 * scale - 2);
                var occupant = english ? room.OccupantEn : room.OccupantKo;
                var css = room.Occupied ? "room occupied" : "room vacant";
                var tip = room.Occupied ? $"{room.Number} · {occupant} · {room.AreaM2:0.#}㎡" : $"{room.Number} · {room.AreaM2:0.#}㎡";
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<g class="{css}"><title>{Encode(tip)}</title><rect x="{x:0.#}" y="{y}" width="{width:0.#}" """ +
                    $"""height="{BandHeight}" rx="4"/>""");
                if (width >= 34)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 4:0.#}" y="{y + 18}">{Encode(room.Number)}</text>""");
                }

                svg.Append("</g>");
                x += width + 2;
            }

            y += BandHeight + Gap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
