using System.Globalization;

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

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && string.IsNullOrWhiteSpace(Date) && People is null && string.IsNullOrWhiteSpace(From);

    public (AvailabilityQuery? Query, string? ErrorKey) ToQuery(DateOnly today, Audience audience)
    {
        var parts = AvailabilityPhrase.Parse(Q, today);
        var baseQuery = parts.ToQuery(today, audience);
        DateOnly? date = null, to = null;
        TimeOnly? from = null, until = null;
        FacilityKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (null, "Fp.Error.Date");
            }

            date = d;
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            if (!DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (null, "Fp.Error.Date");
            }

            to = d;
        }

        if (!TryTime(From, out from) || !TryTime(Until, out until))
        {
            return (null, "Fp.Error.Time");
        }

        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (!Enum.TryParse<FacilityKind>(Kind, ignoreCase: true, out var k) || !Enum.IsDefined(k))
            {
                return (null, "Facilities.Error.Kind");
            }

            kind = k;
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

    private static bool TryTime(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            time = t;
            return true;
        }

        return false;
    }
}
