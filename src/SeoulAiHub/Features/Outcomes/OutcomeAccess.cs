using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>How a person stands towards one organization's KPI values.</summary>
public enum ValuesAccess
{
    /// <summary>Nothing: pages answer 404 so that another company's figures do not leak, not even their existence.</summary>
    None,

    /// <summary>Overseers (의회·감독기관) read every organization's values and change nothing.</summary>
    Read,

    /// <summary>An active member reports for the organization.</summary>
    Report,

    /// <summary>Operators review, return and lock; they do not report on a company's behalf.</summary>
    Review,
}

/// <summary>
/// Who may see an organization's KPI values. Single companies' figures are confidential (revenue, investment): only
/// the organization, operators and overseers see them; everybody else sees aggregates with small groups withheld.
/// </summary>
public sealed class OutcomeAccess(HubDb db)
{
    public async Task<ValuesAccess> ForAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken ct = default)
    {
        if (user.IsInRole(HubRoles.Operator))
        {
            return ValuesAccess.Review;
        }

        if (user.UserId() is { } userId &&
            await db.IsActiveMemberAsync(userId, organizationId, ct))
        {
            return ValuesAccess.Report;
        }

        return user.IsInRole(HubRoles.Overseer) ? ValuesAccess.Read : ValuesAccess.None;
    }

    /// <summary>Overseers and operators see single organizations' figures (top movers, lists); the public never does.</summary>
    public static bool SeesOrganizations(ClaimsPrincipal user) => user.IsInRole(HubRoles.Operator) || user.IsInRole(HubRoles.Overseer);
}
