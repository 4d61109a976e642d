using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Engagement;

/// <summary>Loads what the itinerary check needs: the sites each visited organization occupies on the visit's day.</summary>
public sealed class VisitPlanner(HubDb db)
{
    public async Task<IReadOnlyList<ItineraryConflict>> ConflictsAsync(Visit visit, CancellationToken ct = default)
    {
        var sites = await OrganizationSitesAsync(visit.Stops.Where(s => s.OrganizationId != null).Select(s => s.OrganizationId!.Value)
            .Distinct().ToList(), visit.Date, ct);
        return Itinerary.Conflicts(visit.Stops.Select(s => new StopSlot(s.Id, s.StartsAt, s.EndsAt, s.SiteId, s.OrganizationId)).ToList(),
            sites);
    }

    /// <summary>
    /// The sites of the rooms each organization holds on <paramref name="day"/> (open room assignments of its tenancies).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>> OrganizationSitesAsync(IReadOnlyCollection<Guid> organizations,
        DateOnly day, CancellationToken ct = default)
    {
        if (organizations.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlySet<Guid>>();
        }

        var rows = await db.RoomAssignments.AsNoTracking()
            .Where(r => organizations.Contains(r.Tenancy.OrganizationId) && r.StartsOn <= day && (r.EndsOn == null || r.EndsOn > day))
            .Select(r => new { r.Tenancy.OrganizationId, r.Room.Floor.SiteId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OrganizationId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(r => r.SiteId).ToHashSet());
    }
}
