using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Spaces;

/// <summary>Spaces' answer to Organizations' <see cref="IOrganizationPremises"/>: sites and the rooms tenants hold.</summary>
internal sealed class PremisesForOrganizations : IOrganizationPremises
{
    public IReadOnlyCollection<Type> Entities { get; } =
        [typeof(Site), typeof(Floor), typeof(Room), typeof(Tenancy), typeof(RoomAssignment)];

    public Task<List<SiteName>> SitesAsync(HubDb db, CancellationToken ct) =>
        db.Sites.AsNoTracking().OrderBy(s => s.NameKo).Select(s => new SiteName(s.Id, s.NameKo, s.NameEn)).ToListAsync(ct);

    public async Task<List<(Guid OrganizationId, Guid SiteId)>> SitesHeldOnAsync(HubDb db, DateOnly day, CancellationToken ct) =>
        [.. (await HeldOn(db, day).Select(a => new { a.Tenancy.OrganizationId, a.Room.Floor.SiteId }).ToListAsync(ct))
            .Select(a => (a.OrganizationId, a.SiteId))];

    public Task<List<string>> RoomsHeldOnAsync(HubDb db, Guid organizationId, DateOnly day, CancellationToken ct) =>
        HeldOn(db, day).Where(a => a.Tenancy.OrganizationId == organizationId)
            .OrderBy(a => a.Room.Number)
            .Select(a => a.Room.Floor.Site.NameKo + " " + a.Room.Number)
            .ToListAsync(ct);

    private static IQueryable<RoomAssignment> HeldOn(HubDb db, DateOnly day) =>
        db.RoomAssignments.AsNoTracking().Where(a => a.StartsOn <= day && (a.EndsOn == null || day < a.EndsOn));
}
