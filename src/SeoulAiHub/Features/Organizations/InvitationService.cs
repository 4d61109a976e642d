using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Organizations;

/// <summary>Invites people to an organization by email and turns an accepted invitation into an active membership.</summary>
public sealed class InvitationService(HubDb db, UserManager<HubUser> users, EmailOutbox outbox, EmailLinks links,
    TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>Returns an error key, or null when the invitation was sent.</summary>
    public async Task<string?> InviteAsync(Organization organization, string email, MembershipRole role, Guid? invitedBy,
        CancellationToken ct)
    {
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            return "Validation.Email";
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && await db.IsActiveMemberAsync(existing.Id, organization.Id, ct))
        {
            return "Invite.Error.AlreadyMember";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (invitation, token) = OrganizationInvitation.Create(organization.Id, email, role, invitedBy, clock.GetUtcNow());
        db.Add(invitation);
        await db.SaveChangesAsync(ct);
        var link = links.Build($"/invitations/{invitation.Id}", new Dictionary<string, string?> { ["token"] = token });
        await outbox.EnqueueAsync(invitation.Email, t["Email.Invite.Subject", organization.NameKo],
            t["Email.Invite.Body", organization.NameKo, organization.NameEn], link, t["Email.Invite.Link"], ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public Task<OrganizationInvitation?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<OrganizationInvitation>().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>The signed-in person joins; the organization's kind decides the hub role (tenant or demand organization).</summary>
    public async Task AcceptAsync(OrganizationInvitation invitation, HubUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hubRole = invitation.Organization.TenancyStatus == TenancyStatus.None ? HubRoles.DemandOrganizationMember
            : HubRoles.TenantMember;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var membership = await db.OrganizationMemberships.FirstOrDefaultAsync(m => m.OrganizationId == invitation.OrganizationId &&
            m.UserId == user.Id, ct);
        if (membership is null)
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(invitation.OrganizationId, user.Id, hubRole, invitation.Role, now));
        }
        else if (membership.Status == MembershipStatus.Pending)
        {
            membership.Approve(now);
        }

        invitation.Accept(now);
        await db.SaveChangesAsync(ct);
        var role = membership?.HubRole ?? hubRole;
        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }

        await transaction.CommitAsync(ct);
    }
}
