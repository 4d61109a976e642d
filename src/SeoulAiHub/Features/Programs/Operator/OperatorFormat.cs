using System.Globalization;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>Money and KST input helpers shared by the operator pages.</summary>
public static class OperatorFormat
{
    /// <summary>e.g. 50,000,000원 — the same in both languages.</summary>
    public static string Krw(long amount) => amount.ToString("N0", CultureInfo.InvariantCulture) + "원";

    /// <summary>The value of a datetime-local input showing the instant in KST.</summary>
    public static string LocalInput(DateTimeOffset utc) =>
        utc.ToKst().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local value, read as KST, as an instant.</summary>
    public static DateTimeOffset FromKst(DateTime local) => Kst.ToUtc(local);
}
