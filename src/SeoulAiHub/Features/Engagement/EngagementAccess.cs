using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Engagement;

/// <summary>
/// Who sees which opinions. Operators and overseers see all (overseers change nothing); a member of an organization
/// sees public opinions and its own organization's internal ones; everybody else, public ones only. An opinion a
/// person may not see answers 404.
/// </summary>
public sealed class EngagementAccess(HubDb db)
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(HubRoles.Operator) || user.IsInRole(HubRoles.Overseer);

    public static bool Manages(ClaimsPrincipal user) => user.IsInRole(HubRoles.Operator);

    /// <summary>The organizations the person is an active member of (whose internal opinions they see and may submit for).</summary>
    public async Task<List<Guid>> OrganizationsOfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        return user.UserId() is { } userId ? await db.OrganizationIdsOfAsync(userId, ct) : [];
    }

    /// <summary>Narrows a query to the opinions the person may read.</summary>
    public async Task<IQueryable<FieldOpinion>> VisibleAsync(IQueryable<FieldOpinion> opinions, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (SeesAll(user))
        {
            return opinions;
        }

        var own = await OrganizationsOfAsync(user, ct);
        return opinions.Where(o => o.Visibility == OpinionVisibility.Public ||
            (o.SourceOrganizationId != null && own.Contains(o.SourceOrganizationId.Value)));
    }

    public async Task<bool> CanReadAsync(FieldOpinion opinion, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (SeesAll(user) || opinion.Visibility == OpinionVisibility.Public)
        {
            return true;
        }

        return opinion.SourceOrganizationId is { } organization && (await OrganizationsOfAsync(user, ct)).Contains(organization);
    }
}
