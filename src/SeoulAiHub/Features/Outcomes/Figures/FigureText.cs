using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>
/// How figures are written on the pages and in the report: whole numbers with thousands separators and the unit
/// (1,234,567,000원 / KRW 1,234,567,000), short forms for cards and axes (12.3억원 / KRW 1.2bn), the withheld and
/// no-data texts, and changes in per cent.
/// </summary>
public sealed class FigureText(IStringLocalizer t, bool english)
{
    public bool English => english;

    public string Value(long value, KpiUnit unit)
    {
        var n = value.ToString("#,0", CultureInfo.InvariantCulture);
        return unit switch
        {
            KpiUnit.Krw => english ? $"KRW {n}" : $"{n}원",
            KpiUnit.Count when english => n,   // "15", not "15 count"
            _ => english ? $"{n} {t["KpiUnit." + unit]}" : $"{n}{t["KpiUnit." + unit]}",
        };
    }

    /// <summary>An average: whole won for money, one decimal for persons and counts.</summary>
    public string Value(double value, KpiUnit unit) =>
        unit == KpiUnit.Krw || Math.Abs(value - Math.Round(value)) < 0.05 ? Value((long)Math.Round(value), unit) : Decimal(value, unit);

    private string Decimal(double value, KpiUnit unit)
    {
        var n = value.ToString("#,0.0", CultureInfo.InvariantCulture);
        return english ? (unit == KpiUnit.Count ? n : $"{n} {t["KpiUnit." + unit]}") : $"{n}{t["KpiUnit." + unit]}";
    }

    /// <summary>Short form: 억원 / 만원 in Korean, bn / M in English; other units unchanged.</summary>
    public string Compact(double value, KpiUnit unit)
    {
        if (unit != KpiUnit.Krw || Math.Abs(value) < 10_000)
        {
            return Value(value, unit);
        }

        var c = CultureInfo.InvariantCulture;
        if (english)
        {
            return Math.Abs(value) >= 1e9 ? $"KRW {(value / 1e9).ToString("#,0.##", c)}bn" : $"KRW {(value / 1e6).ToString("#,0.#", c)}M";
        }

        return Math.Abs(value) >= 1e8 ? $"{(value / 1e8).ToString("#,0.#", c)}억원" : $"{(value / 1e4).ToString("#,0", c)}만원";
    }

    /// <summary>A figure as a table writes it: the value, or why there is none.</summary>
    public string Figure(Figure figure, KpiUnit unit) =>
        figure.Suppressed ? t["Outcomes.Figure.Suppressed"] : figure.Sum is { } sum ? Value(sum, unit) : t["Outcomes.Figure.NoData"];

    public string CompactFigure(Figure figure, KpiUnit unit) =>
        figure.Suppressed ? t["Outcomes.Figure.Suppressed"] : figure.Sum is { } sum ? Compact(sum, unit) : t["Outcomes.Figure.NoData"];

    public string PerOrganization(Figure figure, KpiUnit unit) =>
        figure.Suppressed ? t["Outcomes.Figure.Suppressed"] : figure.PerOrganization is { } avg ? Value(avg, unit)
            : t["Outcomes.Figure.NoData"];

    /// <summary>Relative change, e.g. "+12.5%"; a dash when either side is missing or the base is zero.</summary>
    public static string Change(Figure current, Figure baseline) => Growth(current, baseline) is { } g
        ? (g >= 0 ? "+" : "") + (g * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : "—";

    public static double? Growth(Figure current, Figure baseline) =>
        current.Sum is { } c && baseline.Sum is { } b && b != 0 ? (double)(c - b) / Math.Abs(b) : null;

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The raw number for data-value attributes and exports (invariant, no separators); empty when none.</summary>
    public static string Raw(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
