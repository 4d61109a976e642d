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
    public IReadOnlyList<MyMembership> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.CurrentUserAsync(User) is not { } me)
        {
            return Challenge();
        }

        Me = me;
        Roles = (await users.GetRolesAsync(me)).Order().ToList();
        Memberships = await db.OrganizationMemberships.AsNoTracking()
            .Where(m => m.UserId == me.Id)
            .OrderBy(m => m.Organization.NameKo)
            .Select(m => new MyMembership(m.OrganizationId, m.Organization.NameKo, m.Organization.NameEn, m.Role, m.Status))
            .ToListAsync(ct);
        return Page();
    }
}

public sealed record MyMembership(Guid OrganizationId, string NameKo, string NameEn, MembershipRole Role, MembershipStatus Status);
