using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Admin;

/// <summary>An operator confirms that a self-registered person really belongs to the organization they named.</summary>
public sealed class MembershipApprovals(HubDb db, UserManager<HubUser> users, TimeProvider clock)
{
    /// <summary>Returns false when there is no pending membership with that id.</summary>
    public async Task<bool> ApproveAsync(Guid membershipId, CancellationToken ct = default)
    {
        var membership = await db.OrganizationMemberships.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.Id == membershipId && m.Status == MembershipStatus.Pending, ct);
        if (membership is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        membership.Approve(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (!await users.IsInRoleAsync(membership.User, membership.HubRole))
        {
            await users.AddToRoleAsync(membership.User, membership.HubRole);
        }

        // The new role reaches the person's open session at the next security-stamp check.
        await users.UpdateSecurityStampAsync(membership.User);
        await transaction.CommitAsync(ct);
        return true;
    }
}
