using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Review;

/// <summary>심사 — the reviewer's own assignments, and the declaration of a conflict of interest (이해충돌 신고).</summary>
[Authorize(Roles = HubRoles.Reviewer)]
public sealed class ReviewAssignmentsModel(HubDb db, ReviewService reviews, IStringLocalizer<SharedResource> t)
    : PageModel, IReloadAfterRefusal
{
    [TempData] public string? Done { get; set; }
    public IReadOnlyList<ReviewerAssignment> Assignments { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string NameKo, string NameEn)> Organizations { get; private set; } = [];
    public IReadOnlyList<Call> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConflictAsync(Guid? organizationId, Guid? callId, string? reason, CancellationToken ct)
    {
        if (callId is { } call && !await db.Calls.AnyAsync(c => c.Id == call && c.Status == CallStatus.Published, ct))
        {
            throw new RuleException("Programs.Application.Error.WrongState");
        }

        if (reason?.Length > 1000)
        {
            throw new RuleException("Validation.TooLong");
        }

        await reviews.DeclareConflictAsync(User.UserId()!.Value, organizationId ?? Guid.Empty, callId, reason ?? "", ct);
        Done = t["Programs.Applicant.Conflict.Declared"];
        return RedirectToPage();
    }

    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Assignments = await db.ReviewerAssignments.AsNoTracking()
            .Include(a => a.Application).ThenInclude(a => a.Call)
            .Include(a => a.Application).ThenInclude(a => a.Organization)
            .Where(a => a.ReviewerId == userId)
            .OrderBy(a => a.SubmittedAt != null).ThenByDescending(a => a.AssignedAt)
            .Take(1000).AsSplitQuery().ToListAsync(ct);
        var organizations = await db.OrganizationInfos().OrderBy(o => o.NameKo)
            .Select(o => new { o.Id, o.NameKo, o.NameEn }).Take(5000).ToListAsync(ct);
        Organizations = [.. organizations.Select(o => (o.Id, o.NameKo, o.NameEn))];
        Calls = await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published)
            .OrderByDescending(c => c.OpensAt).Take(200).ToListAsync(ct);
    }
}
