using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>How the collection pages write KPI values and dates (they read them with <c>FormValue</c>).</summary>
public static class CollectionFormat
{
    /// <summary>e.g. 1,234,000원 / KRW 1,234,000, 12명 / 12 persons, 3건 / 3.</summary>
    public static string Value(IStringLocalizer t, KpiUnit unit, long value) =>
        t["Outcomes.Collection.Value." + unit, value.ToString("N0", CultureInfo.InvariantCulture)].Value;

    /// <summary>The value as the input field shows it: 1,234,000.</summary>
    public static string Input(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
