using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Engagement.Opinions;

/// <summary>
/// 의견 상세 — an opinion, its answer, its action items and its whole history (its own, those of opinions merged into
/// it, those of its actions). Whoever may not read it gets 404. Operators work it here through <see cref="OpinionDesk"/>;
/// everybody else who may read it (overseers included) is refused every form with 403. A merged opinion points to the
/// one it continues in and shows that one's answer and action statuses — the follow-up of what was said — but not its
/// text unless the reader may read it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OpinionModel(HubDb db, OpinionDesk desk, EngagementAccess access, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    [BindProperty] public OpinionInput EditInput { get; set; } = new();
    [BindProperty] public string? AnswerText { get; set; }
    [BindProperty] public string? MergeInto { get; set; }
    [BindProperty] public string? MergeIntoPasted { get; set; }
    [BindProperty] public ActionInput NewAction { get; set; } = new();
    [BindProperty] public ActionInput Step { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public FieldOpinion Opinion { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool SeesAll { get; private set; }
    public bool ShowSpeaker { get; private set; }
    public string? VisitTitle { get; private set; }

    /// <summary>For a merged opinion: the one it continues in, and whether the reader may open it.</summary>
    public FieldOpinion? Survivor { get; private set; }
    public bool SurvivorReadable { get; private set; }

    /// <summary>The action items of the follow-up (the survivor's for a merged opinion).</summary>
    public IReadOnlyList<ActionItem> Actions { get; private set; } = [];
    public IReadOnlyList<FieldOpinion> MergedIn { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<Person> Owners { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> MergeCandidates { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Which form was posted (its typed values are shown again); the others show what is stored.</summary>
    public string? Posted { get; private set; }

    public bool ActionsEditable => CanManage && !Opinion.IsMerged;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct) => WorkAsync(id, "edit", async by =>
    {
        var visibility = FormValue.Enum<OpinionVisibility>(EditInput.Visibility, ignoreCase: false);
        Rule.Require(visibility is not null, "Engagement.Error.Visibility");
        await desk.EditAsync(id, EditInput.Speaker, EditInput.Text, EngagementLabels.ParseCategories(EditInput.Categories),
            visibility!.Value, by, ct);
        return ("Engagement.Opinions.Detail.Edited", id);
    }, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) => WorkAsync(id, "answer", async by =>
    {
        await desk.AnswerAsync(id, AnswerText, by, ct);
        return ("Engagement.Opinions.Detail.Answered", id);
    }, ct);

    /// <summary>Merges this opinion (the duplicate) into the one chosen or pasted (an id or the opinion's address).</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken ct) => WorkAsync(id, "merge", async by =>
    {
        var pasted = MergeIntoPasted?.Trim().TrimEnd('/');
        var target = !string.IsNullOrWhiteSpace(pasted) ? FormValue.Id(pasted[(pasted.LastIndexOf('/') + 1)..]) : FormValue.Id(MergeInto);
        Rule.Require(target is not null, "Engagement.Opinions.Error.MergeTarget");
        await desk.MergeAsync(id, target!.Value, by, ct);
        return ("Engagement.Opinions.Detail.Merged", target.Value);
    }, ct);

    public Task<IActionResult> OnPostAddActionAsync(Guid id, CancellationToken ct) => WorkAsync(id, "add-action", async by =>
    {
        var due = FormValue.Date(NewAction.DueOn);
        Rule.Require(due is not null, "Engagement.Opinions.Error.Date");
        var owner = await OwnerAsync(NewAction.OwnerUserId, ct);
        await desk.AddActionAsync(id, NewAction.Title, NewAction.Department, owner, due!.Value, by, ct);
        return ("Engagement.Opinions.Detail.ActionAdded", id);
    }, ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct) => WorkAsync(id, "move", async by =>
    {
        var action = OwnAction(Step.ActionId);
        var to = FormValue.Enum<ActionStatus>(Step.Status, ignoreCase: false);
        Rule.Require(to is not null, "Engagement.Error.Status");
        await desk.MoveActionAsync(action, to!.Value, Step.Note, by, ct);
        return ("Engagement.Opinions.Detail.ActionMoved", id);
    }, ct);

    public Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken ct) => WorkAsync(id, "reschedule", async by =>
    {
        var action = OwnAction(Step.ActionId);
        var due = FormValue.Date(Step.DueOn);
        Rule.Require(due is not null, "Engagement.Opinions.Error.Date");
        await desk.RescheduleActionAsync(action, due!.Value, Step.Note, by, ct);
        return ("Engagement.Opinions.Detail.ActionRescheduled", id);
    }, ct);

    public Task<IActionResult> OnPostReassignAsync(Guid id, CancellationToken ct) => WorkAsync(id, "reassign", async by =>
    {
        var action = OwnAction(Step.ActionId);
        var owner = await OwnerAsync(Step.OwnerUserId, ct);
        await desk.ReassignActionAsync(action, Step.Department, owner, by, ct);
        return ("Engagement.Opinions.Detail.ActionReassigned", id);
    }, ct);

    public string Who(Guid userId) => Names.TryGetValue(userId, out var name) ? name : t["Engagement.Opinions.Timeline.Unknown"];

    /// <summary>
    /// Every form goes through here: 404 if the reader may not read the opinion, 403 unless an operator, then the work;
    /// a broken rule shows the page again with the message (nothing was saved: each desk call is one save).
    /// </summary>

    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => LoadAsync(this.RouteId(), ct);

    private async Task<IActionResult> WorkAsync(Guid id, string form, Func<Guid, Task<(string Message, Guid Opinion)>> work,
        CancellationToken ct)
    {
        Posted = form;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var (message, opinion) = await work(User.UserId()!.Value);
        Done = t[message];
        return Redirect($"/engagement/opinions/{opinion}");
    }

    /// <summary>An action item of this opinion (a form may only touch those the page shows).</summary>
    private Guid OwnAction(string? value)
    {
        var id = FormValue.Id(value);
        Rule.Require(id is { } actionId && ActionsEditable && Actions.Any(a => a.Id == actionId), "Engagement.Error.NoSuchAction");
        return id!.Value;
    }

    /// <summary>The owner picked: nobody (blank), or one of the people offered (an operator or overseer).</summary>
    private async Task<Guid?> OwnerAsync(string? value, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var id = FormValue.Id(value);
        Rule.Require(id is not null && await EngagementForms.IsStaffAsync(db, id.Value, ct), "Engagement.Opinions.Error.Owner");
        return id;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var opinion = await db.FieldOpinions.AsNoTracking().Include(o => o.SourceOrganization).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opinion is null || !await access.CanReadAsync(opinion, User, ct))
        {
            return false;
        }

        Opinion = opinion;
        Today = Kst.Today(clock);
        SeesAll = EngagementAccess.SeesAll(User);
        CanManage = EngagementAccess.Manages(User);
        List<Guid> own = SeesAll ? [] : await access.OrganizationsOfAsync(User, ct);
        // The speaker is personal data: shown to the office and to the organization that said it, not to other members.
        ShowSpeaker = SeesAll || (opinion.SourceOrganizationId is { } source && own.Contains(source));
        if (SeesAll && opinion.VisitId is { } visitId)
        {
            VisitTitle = await db.Visits.Where(v => v.Id == visitId).Select(v => v.Title).SingleOrDefaultAsync(ct);
        }

        var followUp = opinion.Id;
        if (opinion.MergedIntoId is { } survivorId)
        {
            Survivor = await db.FieldOpinions.AsNoTracking().SingleOrDefaultAsync(o => o.Id == survivorId, ct);
            SurvivorReadable = Survivor is not null && await access.CanReadAsync(Survivor, User, ct);
            followUp = survivorId;
        }

        Actions = await db.ActionItems.AsNoTracking().Where(a => a.OpinionId == followUp).OrderBy(a => a.DueOn)
            .ThenBy(a => a.CreatedAt).ToListAsync(ct);
        var mergedIn = await db.FieldOpinions.AsNoTracking().Where(o => o.MergedIntoId == opinion.Id).ToListAsync(ct);
        MergedIn = mergedIn.Where(m => SeesAll || m.Visibility == OpinionVisibility.Public ||
            (m.SourceOrganizationId is { } org && own.Contains(org))).ToList();
        IReadOnlyList<ActionItem> ownActions = opinion.IsMerged ? [] : Actions;
        Timeline = await OpinionTimeline.ForAsync(db, opinion, MergedIn, ownActions, ct);
        Names = await EngagementForms.NamesAsync(db, Timeline.Select(e => e.By)
            .Concat(Actions.Where(a => a.OwnerUserId != null).Select(a => a.OwnerUserId!.Value)), ct);

        if (CanManage)
        {
            Owners = await EngagementForms.StaffAsync(db, ct);
            if (!opinion.IsMerged)
            {
                var english = Platform.Localization.HubCulture.IsEnglish;
                MergeCandidates = (await db.FieldOpinions.AsNoTracking()
                        .Where(o => o.Id != opinion.Id && o.Status != OpinionStatus.Merged)
                        .OrderByDescending(o => o.CreatedAt).Take(100)
                        .Select(o => new { o.Id, o.SaidOn, o.Text, OrgKo = o.SourceOrganization!.NameKo,
                            OrgEn = o.SourceOrganization!.NameEn })
                        .ToListAsync(ct))
                    .Select(o => (o.Id, $"{EngagementForms.Iso(o.SaidOn)} · {(english ? o.OrgEn : o.OrgKo) ?? "—"} " +
                        $"· {EngagementForms.Excerpt(o.Text, 50)}"))
                    .ToList();
            }

            if (Posted != "edit")
            {
                EditInput = new OpinionInput
                {
                    Speaker = opinion.Speaker, Text = opinion.Text, Visibility = opinion.Visibility.ToString(),
                    Categories = opinion.CategoryList.Select(c => c.ToString()).ToList(),
                };
            }

            if (Posted != "answer")
            {
                AnswerText = opinion.Answer;
            }
        }

        return true;
    }
}

/// <summary>The action forms' fields, all strings (parsed by the page). <see cref="Note"/> is the note or reason.</summary>
public sealed class ActionInput
{
    public string? ActionId { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? OwnerUserId { get; set; }
    public string? DueOn { get; set; }
    public string? Status { get; set; }
    public string? Note { get; set; }
}
