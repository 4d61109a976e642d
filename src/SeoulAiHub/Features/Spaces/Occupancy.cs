using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Spaces;

public sealed record RoomOccupancy(Guid RoomId, string Number, RoomKind Kind, decimal AreaM2, Guid? OrganizationId,
    string? OccupantKo, string? OccupantEn)
{
    public bool Occupied => OrganizationId is not null;
}

public sealed record FloorOccupancy(int Level, IReadOnlyList<RoomOccupancy> Rooms)
{
    public decimal TotalArea => Rooms.Sum(r => r.AreaM2);
    public decimal OccupiedArea => Rooms.Where(r => r.Occupied).Sum(r => r.AreaM2);
    public decimal Rate => TotalArea == 0 ? 0 : OccupiedArea / TotalArea;
}

public sealed record SiteOccupancy(Guid SiteId, string NameKo, string NameEn, DateOnly On, IReadOnlyList<FloorOccupancy> Floors)
{
    public decimal TotalArea => Floors.Sum(f => f.TotalArea);
    public decimal OccupiedArea => Floors.Sum(f => f.OccupiedArea);
    public decimal Rate => TotalArea == 0 ? 0 : OccupiedArea / TotalArea;
    public int RoomCount => Floors.Sum(f => f.Rooms.Count);
    public int OccupiedRooms => Floors.Sum(f => f.Rooms.Count(r => r.Occupied));
}

/// <summary>입주율 — which rooms are held on a given day, per floor and site, by area.</summary>
public sealed class OccupancyReport(HubDb db)
{
    public async Task<IReadOnlyList<(Guid Id, string NameKo, string NameEn)>> SitesAsync(CancellationToken ct = default) =>
        (await db.Sites.AsNoTracking().OrderBy(s => s.NameKo).Select(s => new { s.Id, s.NameKo, s.NameEn }).ToListAsync(ct))
            .Select(s => (s.Id, s.NameKo, s.NameEn)).ToList();

    public async Task<SiteOccupancy?> ForSiteAsync(Guid siteId, DateOnly on, CancellationToken ct = default)
    {
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => new { s.Id, s.NameKo, s.NameEn })
            .FirstOrDefaultAsync(ct);
        if (site is null)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.Floor.SiteId == siteId)
            .Select(r => new { r.Id, r.Number, r.Kind, r.AreaM2, r.Floor.Level })
            .ToListAsync(ct);
        var roomIds = rooms.Select(r => r.Id).ToList();
        var held = await db.RoomAssignments.AsNoTracking()
            .Where(a => roomIds.Contains(a.RoomId) && a.StartsOn <= on && (a.EndsOn == null || on < a.EndsOn))
            .Select(a => new { a.RoomId, a.Tenancy.OrganizationId, a.Tenancy.Organization.NameKo, a.Tenancy.Organization.NameEn })
            .ToListAsync(ct);
        var byRoom = held.GroupBy(h => h.RoomId).ToDictionary(g => g.Key, g => g.First());

        var floors = rooms.GroupBy(r => r.Level).OrderByDescending(g => g.Key)
            .Select(g => new FloorOccupancy(g.Key, g.OrderBy(r => r.Number, StringComparer.Ordinal)
                .Select(r => byRoom.TryGetValue(r.Id, out var h)
                    ? new RoomOccupancy(r.Id, r.Number, r.Kind, r.AreaM2, h.OrganizationId, h.NameKo, h.NameEn)
                    : new RoomOccupancy(r.Id, r.Number, r.Kind, r.AreaM2, null, null, null))
                .ToList()))
            .ToList();
        return new SiteOccupancy(site.Id, site.NameKo, site.NameEn, on, floors);
    }
}
