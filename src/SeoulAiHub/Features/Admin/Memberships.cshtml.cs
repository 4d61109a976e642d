using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Admin;

[Authorize(Policy = Policies.Operator)]
public sealed class MembershipsModel(HubDb db, MembershipApprovals approvals, AuditLog audit, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public IReadOnlyList<PendingMembership> Pending { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.OrganizationMemberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Pending)
            .OrderBy(m => m.RequestedAt)
            .Take(200)
            .Select(m => new PendingMembership(m.Id, m.User.DisplayName, m.User.Email ?? "", m.Organization.NameKo, m.Organization.NameEn,
                m.HubRole, m.RequestedAt))
            .ToListAsync(ct);
        if (Pending.Count > 0)
        {
            await audit.PersonalDataReadAsync("OrganizationMembership", null, $"pending memberships page: {Pending.Count} people", ct);
        }
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        Message = await approvals.ApproveAsync(id, ct) ? t["Memberships.Approved"] : t["Memberships.NotFound"];
        return RedirectToPage();
    }
}

public sealed record PendingMembership(Guid Id, string Name, string Email, string OrganizationKo, string OrganizationEn, string HubRole,
    DateTimeOffset RequestedAt);
