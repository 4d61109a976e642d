using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Organizations;

/// <summary>The page an invitation email links to. Anyone may open it; accepting needs the invited address signed in.</summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(InvitationService invitations, UserManager<HubUser> users, SignInManager<HubUser> signIn,
    TimeProvider clock) : PageModel
{
    public OrganizationInvitation? Invitation { get; private set; }
    public bool Valid { get; private set; }
    public bool SignedInAsInvitee { get; private set; }
    public bool Accepted { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!Valid || !SignedInAsInvitee || await users.CurrentUserAsync(User) is not { } user)
        {
            return Page();
        }

        await invitations.AcceptAsync(Invitation!, user, ct);
        await signIn.RefreshSignInAsync(user);   // the new role is in the session at once
        Accepted = true;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Invitation = await invitations.FindAsync(id, ct);
        Valid = Invitation?.IsUsable(Token, clock.GetUtcNow()) == true;
        SignedInAsInvitee = Valid && User.Identity?.IsAuthenticated == true && Invitation!.IsFor(User.Identity.Name);
    }
}
