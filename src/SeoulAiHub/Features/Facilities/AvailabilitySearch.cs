using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>What someone looks for: days (at most <see cref="MaxDays"/>), a KST time window, how long, for how many.</summary>
public sealed record AvailabilityQuery(DateOnly From, DateOnly To, TimeOnly WindowStart, TimeOnly WindowEnd,
    int DurationMinutes, int MinCapacity, string? Equipment = null, Guid? SiteId = null, FacilityKind? Kind = null,
    Audience Audience = Audience.Public)
{
    public const int MaxDays = 14;

    public void Check()
    {
        Require(To >= From && To.DayNumber - From.DayNumber < MaxDays, "Facilities.Error.SearchDays", MaxDays);
        Require(WindowStart < WindowEnd && Grid.IsOnGrid(WindowStart) && Grid.IsOnGrid(WindowEnd), "Facilities.Error.SearchWindow");
        Require(Grid.IsOnGrid(DurationMinutes) && DurationMinutes <= 24 * 60, "Facilities.Error.SearchDuration");
        Require(MinCapacity is >= 1 and <= 2000, "Facilities.Error.SearchCapacity");
        Require(Kind is null || Enum.IsDefined(Kind.Value), "Facilities.Error.Kind");
    }
}

/// <summary>A stretch in which a booking of the asked length can start at <see cref="StartsAt"/> and end by <see cref="EndsAt"/>.</summary>
public sealed record FreeInterval(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public int Minutes => (int)(EndsAt - StartsAt).TotalMinutes;
}

public sealed record FacilityAvailability(Guid Id, string NameKo, string NameEn, FacilityKind Kind, string SiteKo,
    string SiteEn, int FloorLevel, int Capacity, IReadOnlyList<string> Equipment, bool RequiresApproval, int MinMinutes, int MaxMinutes,
    IReadOnlyList<FreeInterval> Free)
{
    public string Name(bool english) => english ? NameEn : NameKo;
}

/// <summary>
/// 빈 시설 찾기 — availability first: the facilities that fit (capacity, equipment, site, kind, who may book) with the
/// stretches of the asked days in which a booking of the asked length fits, given opening hours, public holidays,
/// every active booking's cells and the buffer a new booking needs after it. Smallest sufficient room first. Three
/// small queries (facilities with their sites, holidays, the claimed cells of the days); the rest is arithmetic.
/// </summary>
public sealed class AvailabilitySearch(HubDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<FacilityAvailability>> FindAsync(AvailabilityQuery query, CancellationToken ct = default)
    {
        query.Check();
        var facilities = FacilitiesAccess.Bookable(db.Facilities.AsNoTracking(), query.Audience)
            .Where(f => f.Active && f.Capacity >= query.MinCapacity);
        if (query.SiteId is { } site)
        {
            facilities = facilities.Where(f => f.SiteId == site);
        }

        if (query.Kind is { } kind)
        {
            facilities = facilities.Where(f => f.Kind == kind);
        }

        var rows = await (from f in facilities join s in db.AllSites() on f.SiteId equals s.Id select new { Facility = f, s.NameKo,
            s.NameEn }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(query.Equipment))
        {
            rows = rows.Where(r => r.Facility.HasEquipment(query.Equipment)).ToList();
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var holidays = (await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= query.From && h.Date <= query.To).Select(h => h.Date)
            .ToListAsync(ct)).ToHashSet();
        var from = Grid.At(query.From, TimeOnly.MinValue);
        var to = Grid.At(query.To.AddDays(1), TimeOnly.MinValue).AddHours(3);   // a buffer may reach past midnight
        var claims = db.SlotClaims.AsNoTracking().Where(c => c.CellStart >= from && c.CellStart < to);
        if (rows.Count == 1)
        {
            var only = rows[0].Facility.Id;
            claims = claims.Where(c => c.FacilityId == only);
        }

        var taken = new Dictionary<Guid, HashSet<long>>();
        foreach (var c in await claims.Select(c => new { c.FacilityId, c.CellStart }).ToListAsync(ct))
        {
            if (!taken.TryGetValue(c.FacilityId, out var cells))
            {
                taken[c.FacilityId] = cells = [];
            }

            cells.Add(c.CellStart.UtcTicks);
        }

        var now = clock.GetUtcNow();
        var results = new List<FacilityAvailability>();
        foreach (var row in rows)
        {
            var f = row.Facility;
            if (query.DurationMinutes < f.MinMinutes || query.DurationMinutes > f.MaxMinutes)
            {
                continue;
            }

            var cells = taken.GetValueOrDefault(f.Id) ?? [];
            var free = new List<FreeInterval>();
            for (var date = query.From; date <= query.To; date = date.AddDays(1))
            {
                free.AddRange(FreeIntervals(f, date, query.WindowStart, query.WindowEnd, query.DurationMinutes, holidays, cells, now));
            }

            if (free.Count > 0)
            {
                results.Add(new FacilityAvailability(f.Id, f.NameKo, f.NameEn, f.Kind, row.NameKo, row.NameEn, f.FloorLevel,
                    f.Capacity, f.Equipment, f.RequiresApproval, f.MinMinutes, f.MaxMinutes, free));
            }
        }

        return results.OrderBy(r => r.Capacity).ThenByDescending(r => r.Free.Sum(i => i.Minutes))
            .ThenBy(r => r.NameKo, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The stretches of one day in which a booking of <paramref name="minutes"/> fits: it must start in the window and
    /// opening hours, not in the past, and its cells plus the facility's buffer must all be free (pure).
    /// </summary>
    public static IEnumerable<FreeInterval> FreeIntervals(Facility facility, DateOnly date, TimeOnly windowStart,
        TimeOnly windowEnd, int minutes, IReadOnlySet<DateOnly> holidays, IReadOnlySet<long> taken, DateTimeOffset now)
    {
        if (!facility.IsOpenOn(date, holidays))
        {
            yield break;
        }

        var open = Grid.At(date, facility.OpensAt > windowStart ? facility.OpensAt : windowStart);
        var close = Grid.At(date, facility.ClosesAt < windowEnd ? facility.ClosesAt : windowEnd);
        var earliest = Grid.Ceiling(now) > open ? Grid.Ceiling(now) : open;
        var need = (minutes + facility.BufferMinutes) / Grid.CellMinutes;
        var cellCount = (int)((close - earliest).Ticks / Grid.Cell.Ticks) + facility.BufferMinutes / Grid.CellMinutes;
        if (close - earliest < TimeSpan.FromMinutes(minutes) || cellCount <= 0)
        {
            yield break;
        }

        // run[i]: how many free cells follow cell i (itself included).
        var run = new int[cellCount + 1];
        for (var i = cellCount - 1; i >= 0; i--)
        {
            run[i] = taken.Contains(earliest.UtcTicks + i * Grid.Cell.Ticks) ? 0 : run[i + 1] + 1;
        }

        DateTimeOffset? first = null;
        DateTimeOffset lastEnd = default;
        for (var start = earliest; start.AddMinutes(minutes) <= close; start += Grid.Cell)
        {
            var i = (int)((start - earliest).Ticks / Grid.Cell.Ticks);
            if (run[i] >= need)
            {
                first ??= start;
                lastEnd = start.AddMinutes(minutes);
            }
            else if (first is not null)
            {
                yield return new FreeInterval(first.Value, lastEnd);
                first = null;
            }
        }

        if (first is not null)
        {
            yield return new FreeInterval(first.Value, lastEnd);
        }
    }
}
