using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Notifications;

/// <summary>알림 — the user's own notices, newest first; unread ones marked; all can be marked read.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NoticesModel(HubDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Notification> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Notices = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow();
        await db.AuditedUpdateAsync(db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null),
            s => s.SetProperty(n => n.ReadAt, now), "notices marked read", ct);
        return RedirectToPage();
    }

    /// <summary>Only links inside the hub are followed (a notice's link is a local path).</summary>
    public static string? SafeLink(string? link) =>
        link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) &&
            !link.StartsWith("/\\", StringComparison.Ordinal) ? link : null;
}
