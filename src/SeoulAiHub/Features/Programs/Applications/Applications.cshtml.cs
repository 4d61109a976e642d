using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs.Applications;

/// <summary>내 신청 — the applications of every organization the user is an active member of.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyApplicationsModel(HubDb db) : PageModel
{
    public IReadOnlyList<Application> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } userId)
        {
            return;
        }

        var organizations = db.ActiveOrganizationIdsOf(userId);
        Applications = await db.Applications.AsNoTracking().Include(a => a.Call).Include(a => a.Organization)
            .Where(a => organizations.Contains(a.OrganizationId))
            .OrderByDescending(a => a.CreatedAt)
            .Take(500)
            .ToListAsync(ct);
    }
}
