using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Account;

/// <summary>My account: who I am, my roles and organizations, two-factor status.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(HubDb db, UserManager<HubUser> users) : PageModel
{
    public HubUser Me { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<PersonMembership> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.CurrentUserAsync(User) is not { } me)
        {
            return Challenge();
        }

        Me = me;
        Roles = (await users.GetRolesAsync(me)).Order().ToList();
        Memberships = await db.MembershipsOfAsync(me.Id, ct);
        return Page();
    }
}
