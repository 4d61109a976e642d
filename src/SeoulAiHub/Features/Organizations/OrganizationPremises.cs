using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// Where organizations are housed, as the directory and profiles show it. Rooms and sites belong to Spaces, which
/// depends on Organizations (a tenancy is an organization's); Spaces implements this contract, so Organizations reads
/// its tables without depending on it.
/// </summary>
public interface IOrganizationPremises
{
    /// <summary>The entity types whose saving changes what this contract answers (the directory is rebuilt after).</summary>
    IReadOnlyCollection<Type> Entities { get; }

    /// <summary>Every site, by Korean name.</summary>
    Task<List<SiteName>> SitesAsync(HubDb db, CancellationToken ct);

    /// <summary>Each organization holding a room on the day, with the site of the room (once per room).</summary>
    Task<List<(Guid OrganizationId, Guid SiteId)>> SitesHeldOnAsync(HubDb db, DateOnly day, CancellationToken ct);

    /// <summary>The rooms the organization holds on the day, as "site room", by room number.</summary>
    Task<List<string>> RoomsHeldOnAsync(HubDb db, Guid organizationId, DateOnly day, CancellationToken ct);
}
