using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Organizations;

/// <summary>An organization's members (personal data): for its own members, operators and overseers only.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MembersModel(HubDb db, IAuthorizationService authorization, AuditLog audit, InvitationService invitations,
    Microsoft.Extensions.Localization.IStringLocalizer<SeoulAiHub.Resources.SharedResource> t) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public bool MayInvite { get; private set; }
    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public MembershipRole InviteRole { get; set; }
    [TempData] public string? Invited { get; set; }

    /// <summary>An organization admin (or an operator) invites someone by email.</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Manage)).Succeeded)
        {
            return NotFound();
        }

        var error = await invitations.InviteAsync(organization, InviteEmail?.Trim() ?? "", InviteRole, User.UserId(), ct);
        if (error is null)
        {
            Invited = t["Invite.Sent", InviteEmail!];
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError(nameof(InviteEmail), t[error]);
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null ||
            !(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.ReadPrivate)).Succeeded)
        {
            return NotFound();
        }

        Organization = organization;
        MayInvite = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Manage)).Succeeded;
        Members = await db.OrganizationMemberships.AsNoTracking()
            .Where(m => m.OrganizationId == id)
            .OrderBy(m => m.User.DisplayName)
            .Select(m => new MemberRow(m.User.DisplayName, m.User.Email ?? "", m.Role, m.Status))
            .ToListAsync(ct);
        await audit.PersonalDataReadAsync(nameof(Organization), id.ToString(), $"members page: {Members.Count} people", ct);
        return Page();
    }
}

public sealed record MemberRow(string Name, string Email, MembershipRole Role, MembershipStatus Status);
