using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Applications;

/// <summary>
/// 신청서 — the applicant edits, submits, withdraws, appeals and reports; an operator additionally requests
/// revisions, drafts and signs the agreement, reviews reports and answers appeals. Assigned reviewers are sent to
/// their assignment; anyone else gets 404, so that an application's existence does not leak.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ApplicationDetailModel(
    HubDb db, ProgramAccess access, ApplicationService applications, AgreementService agreements, Notifier notifier,
    IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    [BindProperty] public ApplicationForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public Application Application { get; private set; } = null!;
    public ApplicationAccess Access { get; private set; }
    public Agreement? Agreement { get; private set; }
    public IReadOnlyList<Appeal> Appeals { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> Earlier { get; private set; } = [];
    public IReadOnlyList<Reason> EligibilityWarnings { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public bool ResultsVisible => Application.HasResult && Application.Call.ResultsPublishedAt is not null;

    public bool MayAppeal => ResultsVisible && Application.Call.AppealsCloseAt is { } closes && Now <= closes &&
                             !Appeals.Any(a => a.AnsweredAt is null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Access == ApplicationAccess.Reviewer)
        {
            var userId = User.UserId();
            var assignment = await db.ReviewerAssignments.AsNoTracking()
                .Where(a => a.ApplicationId == id && a.ReviewerId == userId).OrderByDescending(a => a.AssignedAt)
                .Select(a => a.Id).FirstAsync(ct);
            return Redirect($"/review/{assignment}");
        }

        Input = new ApplicationForm
        {
            Title = Application.Title,
            RequestedKrw = Application.RequestedKrw == 0 ? "" : Application.RequestedKrw.ToString(CultureInfo.InvariantCulture),
            Answers = new Dictionary<string, string>(Application.Answers),
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Applicant, async () =>
        {
            if (ParseAmount() is not { } amount)
            {
                return "Programs.Applicant.Error.Amount";
            }

            await applications.SaveDraftAsync(id, Input.Title ?? "", amount, Input.Answers, ct);
            return null;
        }, ct, "Programs.Applicant.Saved");

    /// <summary>The autosave script's post: saves the draft and answers the KST time, or 400 with the message.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Access != ApplicationAccess.Applicant)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || ParseAmount() is not { } amount)
        {
            return BadRequest(new { error = t["Programs.Applicant.Error.Amount"].Value });
        }

        await applications.SaveDraftAsync(id, Input.Title ?? "", amount, Input.Answers, ct);
        return new JsonResult(new { savedAt = clock.GetUtcNow().ToKst().ToString("HH:mm", CultureInfo.InvariantCulture) });
    }

    /// <summary>Saves what the form holds, then submits; a refusal names every reason and leaves the application a draft.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Access != ApplicationAccess.Applicant)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (ParseAmount() is not { } amount)
        {
            ModelState.AddModelError(string.Empty, t["Programs.Applicant.Error.Amount"]);
            return Page();
        }

        if (Application.IsEditable)
        {
            await applications.SaveDraftAsync(id, Input.Title ?? "", amount, Input.Answers, ct);
        }

        var outcome = await applications.SubmitAsync(id, ct);
        if (outcome.Submitted)
        {
            Done = t["Programs.Applicant.Submitted"];
            return RedirectToPage(new { id });
        }

        foreach (var reason in outcome.Reasons)
        {
            ModelState.AddModelError(string.Empty, t[reason.Key, reason.Arguments]);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Applicant, async () => { await applications.WithdrawAsync(id, ct); return null; }, ct);

    public Task<IActionResult> OnPostCopyAsync(Guid id, Guid earlierId, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Applicant, async () => { await applications.CopyFromAsync(id, earlierId, ct); return null; }, ct);

    public Task<IActionResult> OnPostUploadAsync(Guid id, string? key, IFormFile? file, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Applicant, () => file is null || string.IsNullOrEmpty(key)
            ? Task.FromResult<string?>("Programs.Applicant.Error.NoFile")
            : applications.AttachAsync(id, key, file, User.UserId()!.Value, ct), ct);

    public Task<IActionResult> OnPostAppealAsync(Guid id, string? text, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Applicant, async () => { await agreements.FileAppealAsync(id, text ?? "", User.UserId()!.Value,
        ct); return null; }, ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, Guid milestoneId, ReportKind kind, string? text, IFormFile? file,
        CancellationToken ct) => ActAsync(id, ApplicationAccess.Applicant,
            () => agreements.SubmitReportAsync(id, milestoneId, kind, text ?? "", file, User.UserId()!.Value, ct), ct);

    public Task<IActionResult> OnPostRevisionsAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Operator, async () =>
        {
            var application = await db.Applications.Include(a => a.Call).FirstAsync(a => a.Id == id, ct);
            application.RequestRevisions(note ?? "", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await notifier.OrganizationAsync(application.OrganizationId, "신청서 보완 요청", "Revisions requested",
                $"{application.Call.TitleKo}: {application.DecisionNote}", $"{application.Call.TitleEn}: {application.DecisionNote}",
                $"/applications/{id}", ct);
            return null;
        }, ct);

    public Task<IActionResult> OnPostDraftAgreementAsync(Guid id, long? awardKrw, DateOnly? startsOn, DateOnly? endsOn,
        CancellationToken ct) => ActAsync(id, ApplicationAccess.Operator, async () =>
        {
            if (awardKrw is not { } award || startsOn is not { } starts || endsOn is not { } ends)
            {
                return "Programs.Agreement.Error.Terms";
            }

            await agreements.DraftAsync(id, award, starts, ends, ct);
            return null;
        }, ct);

    public Task<IActionResult> OnPostMilestoneAsync(Guid id, string? title, string? deliverable, DateOnly? dueOn, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Operator, async () =>
        {
            if (dueOn is not { } due)
            {
                return "Programs.Agreement.Error.Milestone";
            }

            await agreements.AddMilestoneAsync(id, title ?? "", deliverable ?? "", due, ct);
            return null;
        }, ct);

    public Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Operator, async () => { await agreements.SignAsync(id, ct); return null; }, ct);

    public Task<IActionResult> OnPostReviewReportAsync(Guid id, Guid reportId, bool accept, string? comment, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Operator, async () => { await agreements.ReviewReportAsync(id, reportId, accept, comment,
        ct); return null; }, ct);

    public Task<IActionResult> OnPostAnswerAppealAsync(Guid id, Guid appealId, bool upheld, string? answer, CancellationToken ct) =>
        ActAsync(id, ApplicationAccess.Operator, async () =>
        {
            if (!await db.Appeals.AnyAsync(a => a.Id == appealId && a.ApplicationId == id, ct))
            {
                return "Programs.Application.Error.WrongState";
            }

            await agreements.AnswerAppealAsync(appealId, upheld, answer ?? "", ct);
            return null;
        }, ct);

    /// <summary>A draft may leave the amount blank (zero until it is submitted).</summary>
    private long? ParseAmount() => string.IsNullOrWhiteSpace(Input.RequestedKrw) ? 0 : FormValue.Krw(Input.RequestedKrw);

    private async Task<IActionResult> ActAsync(Guid id, ApplicationAccess needed, Func<Task<string?>> action, CancellationToken ct,
        string doneKey = "Programs.Applicant.Done")
    {
        if (!await LoadAsync(id, ct) || Access == ApplicationAccess.None || Access == ApplicationAccess.Reviewer)
        {
            return NotFound();
        }

        if (Access != needed)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            if (await action() is { } error)
            {
                ModelState.AddModelError(string.Empty, t[error]);
            }
            else
            {
                Done = t[doneKey];
                return RedirectToPage(new { id });
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => await LoadAsync(this.RouteId(), ct);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Call).ThenInclude(c => c.Program)
            .Include(a => a.Documents).Include(a => a.Organization).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return false;
        }

        Access = await access.ForAsync(User, id, application.OrganizationId, ct);
        if (Access == ApplicationAccess.None)
        {
            return false;
        }

        Application = application;
        Now = clock.GetUtcNow();
        Agreement = await db.Agreements.AsNoTracking().Include(a => a.Milestones).Include(a => a.Reports).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.ApplicationId == id, ct);
        Appeals = await db.Appeals.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.FiledAt).ToListAsync(ct);
        if (Access == ApplicationAccess.Applicant && application.IsEditable)
        {
            var english = Platform.Localization.HubCulture.IsEnglish;
            var earlier = await db.Applications.AsNoTracking().Include(a => a.Call)
                .Where(a => a.OrganizationId == application.OrganizationId && a.Id != id)
                .OrderByDescending(a => a.CreatedAt).Take(100).ToListAsync(ct);
            Earlier = [.. earlier.Select(a =>
                (a.Id, $"{Public.CallWording.Title(a.Call, english)} · {a.Title} ({Kst.FormatDate(a.CreatedAt)})"))];
            var o = application.Organization;
            EligibilityWarnings = Eligibility.Check(application.Call.Design.Eligibility,
                new Programs.Applicant(o.Type, o.FoundedOn, o.Headcount, o.TenancyStatus), Kst.Today(clock));
        }

        return true;
    }
}

public sealed class ApplicationForm
{
    [System.ComponentModel.DataAnnotations.StringLength(300, ErrorMessage = "Validation.TooLong")]
    public string? Title { get; set; }

    public string? RequestedKrw { get; set; }

    public Dictionary<string, string> Answers { get; set; } = [];
}
