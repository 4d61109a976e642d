using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Organizations;

/// <summary>Named operations on an organization's private data.</summary>
public static class OrganizationOperations
{
    /// <summary>See members and other non-public data.</summary>
    public static readonly OperationAuthorizationRequirement ReadPrivate = new() { Name = nameof(ReadPrivate) };

    /// <summary>Change the profile and invite members.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

/// <summary>
/// Operators may do anything; overseers read everything; a member reads their own organization's private data
/// and its admins manage it. Everyone else is refused (and pages answer 404 so existence does not leak).
/// </summary>
internal sealed class OrganizationAuthorizationHandler(HubDb db)
    : AuthorizationHandler<OperationAuthorizationRequirement, Organization>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Organization organization)
    {
        var user = context.User;
        if (user.IsInRole(HubRoles.Operator) ||
            (requirement == OrganizationOperations.ReadPrivate && user.IsInRole(HubRoles.Overseer)))
        {
            context.Succeed(requirement);
            return;
        }

        if (user.UserId() is not { } userId)
        {
            return;
        }

        var membership = await db.OrganizationMemberships.AsNoTracking()
            .ActiveOf(userId).Where(m => m.OrganizationId == organization.Id)
            .Select(m => new { m.Role })
            .FirstOrDefaultAsync();
        if (membership is not null &&
            (requirement == OrganizationOperations.ReadPrivate || membership.Role == MembershipRole.Admin))
        {
            context.Succeed(requirement);
        }
    }
}
