using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Platform.Forms;

/// <summary>
/// What pages and endpoints read from forms and query strings, in one place. Each reader returns null for anything it
/// cannot read, so a hand-made request ends in the caller's message or an ignored filter, never in a 500. Blank is
/// null too; a caller for whom blank means something else (no filter, zero) says so before calling.
/// Korean keyboards in full-width mode send full-width digits (２０２６, １，０００), so every reader accepts them.
/// </summary>
public static partial class FormValue
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>A date as a date field sends it: yyyy-MM-dd.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(Narrow(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A time as a time field sends it (HH:mm, or HH:mm:ss with a seconds step), or typed as 9:30.</summary>
    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(Narrow(text), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A KST date and a KST wall-clock time from two fields, as the instant (UTC).</summary>
    public static DateTimeOffset? KstDateTime(string? date, string? time) =>
        Date(date) is { } d && Time(time) is { } t ? Kst.ToUtc(d, t) : null;

    /// <summary>A KST date-time in one value, as a datetime-local field or a link sends it (2026-07-21T14:30), in UTC.</summary>
    public static DateTimeOffset? KstDateTime(string? local) =>
        DateTime.TryParseExact(Narrow(local), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? Kst.ToUtc(at)
            : null;

    /// <summary>
    /// An amount in won: digits with thousands separators and spaces anywhere, an optional ₩ before or 원 after, and
    /// the Korean units 억 (10⁸) and 만 (10⁴) — "1,000,000", "1000000원", "₩ 1,000,000", "１，０００만원", "1억 2,000만원".
    /// Negative amounts, decimals, other units (천, 백) and amounts beyond a long are refused.
    /// </summary>
    public static long? Krw(string? text)
    {
        var s = Compact(text);
        s = s.StartsWith('₩') || s.StartsWith('￦') ? s[1..] : s;
        s = s.EndsWith('원') ? s[..^1] : s;
        if (s.Length == 0 || KoreanAmount().Match(s) is not { Success: true } m || m.Length == 0)
        {
            return null;
        }

        var hasEok = m.Groups["eok"].Success;
        var hasMan = m.Groups["man"].Success;
        if (!Digits(m.Groups["eok"], out var eok) || !Digits(m.Groups["man"], out var man) || !Digits(m.Groups["rest"], out var rest) ||
            (hasEok && man >= 10_000) || ((hasEok || hasMan) && rest >= 10_000))
        {
            return null;   // "1억 20000만" is a typo, not an amount
        }

        try
        {
            return checked(eok * 100_000_000 + man * 10_000 + rest);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A whole number (persons, items, won) with thousands separators and an optional minus sign.</summary>
    public static long? WholeNumber(string? text)
    {
        var s = Compact(text);
        var negative = s.StartsWith('-');
        return long.TryParse(negative ? s[1..] : s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? negative ? -n : n
            : null;
    }

    /// <summary>A whole number that fits an int (hours, nodes, gigabytes), read like <see cref="WholeNumber"/>.</summary>
    public static int? Count(string? text) => WholeNumber(text) is { } n and >= int.MinValue and <= int.MaxValue ? (int)n : null;

    /// <summary>A record's id; the empty Guid names no record, so it is refused too.</summary>
    public static Guid? Id(string? text) => Guid.TryParse(text?.Trim(), out var id) && id != Guid.Empty ? id : null;

    /// <summary>
    /// An enum member by its name, in any case ("startup", "Startup") unless <paramref name="ignoreCase"/> is false (where
    /// values come only from the hub's own check boxes and anything else is to be ignored). Numbers and combinations
    /// are refused: "7" or "Startup,Sme" would otherwise parse into values nobody defined.
    /// </summary>
    public static TEnum? Enum<TEnum>(string? text, bool ignoreCase = true) where TEnum : struct, System.Enum =>
        text is not null && (ignoreCase ? Names<TEnum>.AnyCase : Names<TEnum>.Exact).TryGetValue(text.Trim(), out var value) ? value : null;

    private static class Names<TEnum> where TEnum : struct, System.Enum
    {
        public static readonly FrozenDictionary<string, TEnum> Exact = System.Enum.GetNames<TEnum>()
            .ToFrozenDictionary(n => n, System.Enum.Parse<TEnum>, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, TEnum> AnyCase = Exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static bool Digits(Group group, out long value)
    {
        value = 0;
        return !group.Success || long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Full-width digits and punctuation as their ASCII forms, trimmed.</summary>
    private static string Narrow(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var s = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            // U+FF01..U+FF5E are the full-width forms of U+0021..U+007E (０ → 0, ： → :, － → -, ，→ ,).
            s.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u2212' ? '-' : c);
        }

        return s.ToString();
    }

    /// <summary>Narrowed, without spaces (also no-break and ideographic ones) and thousands separators.</summary>
    private static string Compact(string? text)
    {
        var narrow = Narrow(text);
        var s = new StringBuilder(narrow.Length);
        foreach (var c in narrow)
        {
            if (c != ',' && !char.IsWhiteSpace(c))
            {
                s.Append(c);
            }
        }

        return s.ToString();
    }

    [GeneratedRegex(@"^(?:(?<eok>[0-9]+)억)?(?:(?<man>[0-9]+)만)?(?<rest>[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KoreanAmount();
}
