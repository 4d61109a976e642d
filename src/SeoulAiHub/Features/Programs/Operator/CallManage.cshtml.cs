using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>
/// 신청 관리 — the submitted applications of a call with their review progress; the operator assigns reviewers for a
/// stage and asks an applicant for revisions. Drafts are the applicants' own and are not listed.
/// </summary>
[Authorize(Policy = Policies.Operator)]
[RequestFormLimits(ValueCountLimit = 20_000)]
public sealed class CallManageModel(HubDb db, ReviewService reviews, SelectionService selection, IStringLocalizer<SharedResource> t)
    : PageModel, IReloadAfterRefusal
{
    public const int MaxRows = 5000;

    [BindProperty] public AssignForm Assign { get; set; } = new();
    [BindProperty] public RevisionForm Revision { get; set; } = new();
    [TempData] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationStatus? Status { get; set; }

    /// <summary>Ticked rows, read from the form directly: there may be more than model binding's 1,024 collection items.</summary>
    public HashSet<Guid> TickedApplications => Request.HasFormContentType
        ? [.. Request.Form["ApplicationIds"].Select(FormValue.Id).OfType<Guid>()]
        : [];

    public Call Call { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ReviewerOption> Reviewers { get; private set; } = [];
    public IReadOnlyDictionary<ApplicationStatus, int> StatusCounts { get; private set; } = new Dictionary<ApplicationStatus, int>();

    public sealed record Row(Guid Id, string OrganizationKo, string OrganizationEn, string Title, ApplicationStatus Status, int StageIndex,
        DateTimeOffset? SubmittedAt, long RequestedKrw, int Assigned, int Scored);

    public sealed record ReviewerOption(Guid Id, string Email, string Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var stageIndex = Call.Design.Stages.ToList().FindIndex(s => s.Key == Assign.StageKey);
        var reviewerIds = Assign.ReviewerIds.Distinct().ToList();
        List<Guid> applicationIds = Assign.Scope == "stage"
            ? await db.Applications.Where(a => a.CallId == id && a.StageIndex == stageIndex &&
                    (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
                .Select(a => a.Id).ToListAsync(ct)
            : [.. TickedApplications];
        if (stageIndex < 0)
        {
            ModelState.AddModelError(string.Empty, t["Programs.Operator.Manage.NoStage"]);
        }
        else if (reviewerIds.Count == 0)
        {
            ModelState.AddModelError(string.Empty, t["Programs.Operator.Manage.NoReviewers"]);
        }
        else if (applicationIds.Count == 0)
        {
            ModelState.AddModelError(string.Empty, t["Programs.Operator.Manage.NoApplications"]);
        }
        else
        {
            var added = await reviews.AssignAsync(id, Assign.StageKey!, applicationIds, reviewerIds, ct);
            Done = t["Programs.Operator.Manage.Assigned", added];
            return Redirect($"/calls/{id}/manage");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevisionsAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await selection.RequestRevisionsAsync(id, Revision.ApplicationId, Revision.Note ?? "", ct);
        Done = t["Programs.Operator.Manage.RevisionsRequested"];
        return Redirect($"/calls/{id}/manage");
    }

    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => await LoadAsync(this.RouteId(), ct);

    public string StageName(int index, bool english) =>
        index >= 0 && index < Call.Design.Stages.Count ? (english ? Call.Design.Stages[index].NameEn : Call.Design.Stages[index].NameKo)
            : "—";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        StatusCounts = await db.Applications.AsNoTracking().Where(a => a.CallId == id && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var query = db.Applications.AsNoTracking().Where(a => a.CallId == id && a.Status != ApplicationStatus.Draft);
        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        var applications = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(MaxRows)
            .Select(a => new { a.Id, a.Organization.NameKo, a.Organization.NameEn, a.Title, a.Status, a.StageIndex,
                a.SubmittedAt, a.RequestedKrw })
            .ToListAsync(ct);
        var counts = (await db.ReviewerAssignments.AsNoTracking().Where(x => x.CallId == id)
                .GroupBy(x => new { x.ApplicationId, x.StageKey })
                .Select(g => new { g.Key.ApplicationId, g.Key.StageKey, Assigned = g.Count(),
                    Scored = g.Count(x => x.SubmittedAt != null) })
                .ToListAsync(ct))
            .ToDictionary(x => (x.ApplicationId, x.StageKey));
        var stageKeys = call.Design.Stages.Select(s => s.Key).ToList();
        Rows = [.. applications.Select(a =>
        {
            var count = a.StageIndex < stageKeys.Count ? counts.GetValueOrDefault((a.Id, stageKeys[a.StageIndex])) : null;
            return new Row(a.Id, a.NameKo, a.NameEn, a.Title, a.Status, a.StageIndex, a.SubmittedAt, a.RequestedKrw, count?.Assigned ?? 0,
                count?.Scored ?? 0);
        })];

        var reviewerRole = await db.Roles.Where(r => r.Name == HubRoles.Reviewer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        Reviewers = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == reviewerRole))
            .OrderBy(u => u.Email).Select(u => new ReviewerOption(u.Id, u.Email ?? "", u.DisplayName)).ToListAsync(ct);
        return true;
    }
}

public sealed class AssignForm
{
    public string? StageKey { get; set; }

    /// <summary>"ticked" (the applications ticked in the table) or "stage" (everything submitted or in the stage).</summary>
    public string? Scope { get; set; }
    public List<Guid> ReviewerIds { get; set; } = [];
}

public sealed class RevisionForm
{
    public Guid ApplicationId { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(4000, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }
}
