using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Facilities;

/// <summary>
/// The search as a page or the API receives it, all text: a phrase ("목요일 오후 12명") and structured fields that win
/// over what the phrase said. <see cref="ToQuery"/> reads it into an <see cref="AvailabilityQuery"/> or names the field
/// that was not understood.
/// </summary>
public sealed class SearchInput
{
    public string? Q { get; set; }
    public string? Date { get; set; }
    public string? To { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public int? Minutes { get; set; }
    public int? People { get; set; }
    public string? Equipment { get; set; }
    public Guid? Site { get; set; }
    public string? Kind { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Date) && People is null &&
        string.IsNullOrWhiteSpace(From);

    public (AvailabilityQuery? Query, string? ErrorKey) ToQuery(DateOnly today, Audience audience)
    {
        var parts = AvailabilityPhrase.Parse(Q, today);
        var baseQuery = parts.ToQuery(today, audience);
        FacilityKind? kind = null;
        if (!TryOptional(Date, FormValue.Date, out var date) || !TryOptional(To, FormValue.Date, out var to))
        {
            return (null, "Facilities.Pages.Error.Date");
        }

        if (!TryOptional(From, FormValue.Time, out var from) || !TryOptional(Until, FormValue.Time, out var until))
        {
            return (null, "Facilities.Pages.Error.Time");
        }

        if (!string.IsNullOrWhiteSpace(Kind))
        {
            kind = FormValue.Enum<FacilityKind>(Kind);
            if (kind is null)
            {
                return (null, "Facilities.Error.Kind");
            }
        }

        var first = date ?? baseQuery.From;
        var query = baseQuery with
        {
            From = first, To = to ?? first, WindowStart = from ?? baseQuery.WindowStart, WindowEnd = until ?? baseQuery.WindowEnd,
            DurationMinutes = Minutes ?? baseQuery.DurationMinutes, MinCapacity = People ?? baseQuery.MinCapacity,
            Equipment = string.IsNullOrWhiteSpace(Equipment) ? null : Equipment.Trim(), SiteId = Site, Kind = kind,
        };
        return (query, null);
    }

    /// <summary>An empty field sets no condition; a filled one must parse.</summary>
    private static bool TryOptional<T>(string? text, Func<string?, T?> parse, out T? value) where T : struct
    {
        value = string.IsNullOrWhiteSpace(text) ? null : parse(text);
        return value is not null || string.IsNullOrWhiteSpace(text);
    }
}
