using System.Globalization;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>How the collection pages write and read KPI values: whole numbers with thousands separators.</summary>
public static class CollectionFormat
{
    /// <summary>e.g. 1,234,000원 / KRW 1,234,000, 12명 / 12 persons, 3건 / 3.</summary>
    public static string Value(IStringLocalizer t, KpiUnit unit, long value) =>
        t["Oc.Value." + unit, value.ToString("N0", CultureInfo.InvariantCulture)].Value;

    /// <summary>The value as the input field shows it: 1,234,000.</summary>
    public static string Input(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Reads what a person typed: digits with optional thousands separators (commas, spaces, dots are not decimals
    /// here) and an optional leading minus. Blank is "no value yet"; anything else is refused (false).
    /// </summary>
    public static bool TryParse(string? text, out long? value)
    {
        value = null;
        var cleaned = (text ?? "").Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            return true;
        }

        if (long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A KST date typed in a date field (yyyy-MM-dd).</summary>
    public static DateOnly? Date(string? text) => Kst.ParseDate(text);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
