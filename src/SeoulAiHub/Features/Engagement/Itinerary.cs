namespace SeoulAiHub.Features.Engagement;

/// <summary>What is wrong with an itinerary: two stops at once, or a stop away from the organization's site.</summary>
public enum ConflictKind
{
    /// <summary>Two stops overlap in time (the group cannot be in two places).</summary>
    Overlap,

    /// <summary>The stop's place is at another site than the one the visited organization occupies that day.</summary>
    OutsideOrganizationSite,
}

/// <summary>One flagged problem; <see cref="Other"/> is the second stop of an overlap.</summary>
public sealed record ItineraryConflict(ConflictKind Kind, Guid Stop, Guid? Other = null);

/// <summary>A stop as the conflict check sees it.</summary>
public sealed record StopSlot(Guid Id, TimeOnly StartsAt, TimeOnly EndsAt, Guid? SiteId, Guid? OrganizationId);

/// <summary>
/// Checks an itinerary. Conflicts are flagged, not refused: the operator sees them on the plan and in the briefing
/// pack and decides. Slots are half-open, so a stop ending at 14:30 and the next starting at 14:30 do not overlap.
/// </summary>
public static class Itinerary
{
    /// <param name="stops">The visit's stops.</param>
    /// <param name="organizationSites">Each visited organization's site(s) on the visit's day; an organization
    /// missing here has no space in the hub and is not checked.</param>
    public static IReadOnlyList<ItineraryConflict> Conflicts(IReadOnlyList<StopSlot> stops,
        IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> organizationSites)
    {
        var conflicts = new List<ItineraryConflict>();
        var ordered = stops.OrderBy(s => s.StartsAt).ThenBy(s => s.EndsAt).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            // Sorted by start: only later stops that start before this one ends can overlap it.
            for (var j = i + 1; j < ordered.Count && ordered[j].StartsAt < ordered[i].EndsAt; j++)
            {
                conflicts.Add(new ItineraryConflict(ConflictKind.Overlap, ordered[i].Id, ordered[j].Id));
            }
        }

        foreach (var stop in ordered)
        {
            if (stop is { SiteId: { } site, OrganizationId: { } organization } &&
                organizationSites.TryGetValue(organization, out var sites) && sites.Count > 0 && !sites.Contains(site))
            {
                conflicts.Add(new ItineraryConflict(ConflictKind.OutsideOrganizationSite, stop.Id));
            }
        }

        return conflicts;
    }

    /// <summary>The conflicts that concern one stop (to flag it in the table).</summary>
    public static IEnumerable<ItineraryConflict> Of(this IReadOnlyList<ItineraryConflict> conflicts, Guid stop) =>
        conflicts.Where(c => c.Stop == stop || c.Other == stop);
}
