using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Programs;

/// <summary>How a person stands towards one application.</summary>
public enum ApplicationAccess
{
    /// <summary>Nothing: pages answer 404 so that an application's existence does not leak.</summary>
    None,

    /// <summary>An active member of the applicant organization: reads, edits drafts, submits, reports.</summary>
    Applicant,

    /// <summary>A reviewer with an assignment on it: reads the answers and documents, never other reviewers' scores.</summary>
    Reviewer,

    /// <summary>Runs the call: reads everything, decides.</summary>
    Operator,
}

/// <summary>
/// Who may see and do what with applications. Applications and their documents are private to the applicant
/// organization, the reviewers assigned to them and operators; overseers see call-level figures only.
/// </summary>
public sealed class ProgramAccess(HubDb db)
{
    /// <summary>Organizations the person may apply for: active memberships.</summary>
    public async Task<List<MemberOrganization>> OrganizationsOfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        return user.UserId() is { } userId ? await db.OrganizationsOfAsync(userId, ct) : [];
    }

    public async Task<ApplicationAccess> ForAsync(ClaimsPrincipal user, Guid applicationId, Guid organizationId,
        CancellationToken ct = default)
    {
        if (user.IsInRole(HubRoles.Operator))
        {
            return ApplicationAccess.Operator;
        }

        if (user.UserId() is not { } userId)
        {
            return ApplicationAccess.None;
        }

        if (await db.IsActiveMemberAsync(userId, organizationId, ct))
        {
            return ApplicationAccess.Applicant;
        }

        return user.IsInRole(HubRoles.Reviewer) &&
               await db.ReviewerAssignments.AnyAsync(a => a.ReviewerId == userId && a.ApplicationId == applicationId, ct)
            ? ApplicationAccess.Reviewer
            : ApplicationAccess.None;
    }
}
