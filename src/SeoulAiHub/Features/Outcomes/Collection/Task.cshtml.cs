using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>
/// 성과 보고서 — one organization's report in one campaign. Its active members fill it in (values, notes, evidence),
/// save drafts and submit; operators review it value by value; overseers read it. Anyone else gets 404, so that a
/// company's figures do not leak, not even that it was asked. A person who may see the report but not do what a
/// form asks (an overseer posting anything, an operator saving values) is refused with 403.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestFormLimits(ValueCountLimit = 5_000)]
public sealed partial class TaskModel(HubDb db, CampaignService campaigns, OutcomeAccess access, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    public const int MaxNote = 2000;
    public const string FilePrefix = "File.";

    [BindProperty] public Dictionary<Guid, string?> Values { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Notes { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Decisions { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Comments { get; set; } = [];
    [TempData] public string? Done { get; set; }

    public KpiTask Report { get; private set; } = null!;
    public KpiCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<KpiDefinition> Kpis { get; private set; } = [];
    public IReadOnlyDictionary<Guid, long> Previous { get; private set; } = new Dictionary<Guid, long>();
    public ValuesAccess Access { get; private set; }

    /// <summary>Problems per KPI, shown next to the KPI and summed up at the top.</summary>
    public Dictionary<Guid, List<string>> Problems { get; } = [];

    /// <summary>Members fill in the report while the campaign is open and the report is theirs to change.</summary>
    public bool CanReport => Access == ValuesAccess.Report && Campaign.Status == CampaignStatus.Open && Report.IsEditable;

    /// <summary>Operators decide on a submitted report while the campaign is open.</summary>
    public bool CanReview => Access == ValuesAccess.Review && Campaign.Status == CampaignStatus.Open &&
        Report.Status == KpiTaskStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var line in Report.Lines)
        {
            Values[line.KpiId] = CollectionFormat.Input(line.Value);
            Notes[line.KpiId] = line.Note;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (await GateAsync(id, ValuesAccess.Report, ct) is { } refused)
        {
            return refused;
        }

        if (!CanReport)
        {
            return await RefuseAsync(id, "Outcomes.Campaign.Error.NotEditable", ct);
        }

        if (!await SaveFormAsync(id, withFiles: true, ct))
        {
            return await ReloadAsync(id, ct);
        }

        Done = t["Outcomes.Collection.Task.Saved"];
        return Redirect($"/outcomes/tasks/{id}");
    }

    /// <summary>The autosave script's post: values and notes only (files go with the buttons); JSON either way.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken ct)
    {
        if (await GateAsync(id, ValuesAccess.Report, ct) is { } refused)
        {
            return refused;
        }

        if (!CanReport)
        {
            return BadRequest(new { error = t["Outcomes.Campaign.Error.NotEditable"].Value });
        }

        if (!await SaveFormAsync(id, withFiles: false, ct))
        {
            return BadRequest(new { error = string.Join(" ", Problems.Values.SelectMany(p => p).Distinct()) });
        }

        return new JsonResult(new { savedAt = clock.GetUtcNow().ToKst().ToString("HH:mm", CultureInfo.InvariantCulture) });
    }

    /// <summary>Saves what the form holds, then submits; a refusal names every problem next to its KPI and keeps the draft.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (await GateAsync(id, ValuesAccess.Report, ct) is { } refused)
        {
            return refused;
        }

        if (!CanReport)
        {
            return await RefuseAsync(id, "Outcomes.Campaign.Error.NotEditable", ct);
        }

        if (!await SaveFormAsync(id, withFiles: true, ct))
        {
            return await ReloadAsync(id, ct);
        }

        await campaigns.SubmitAsync(id, User.UserId()!.Value, ct);
        Done = t["Outcomes.Collection.Task.Submitted"];
        return Redirect($"/outcomes/tasks/{id}");
    }

    /// <summary>Removes one evidence file (after saving the values typed so far).</summary>
    public async Task<IActionResult> OnPostRemoveEvidenceAsync(Guid id, Guid evidenceId, CancellationToken ct)
    {
        if (await GateAsync(id, ValuesAccess.Report, ct) is { } refused)
        {
            return refused;
        }

        if (!CanReport)
        {
            return await RefuseAsync(id, "Outcomes.Campaign.Error.NotEditable", ct);
        }

        if (!await SaveFormAsync(id, withFiles: false, ct))
        {
            return await ReloadAsync(id, ct);
        }

        await campaigns.RemoveEvidenceAsync(id, evidenceId, ct);
        Done = t["Outcomes.Collection.Task.EvidenceRemoved"];
        return Redirect($"/outcomes/tasks/{id}");
    }

    /// <summary>An operator's decisions: each pending value accepted or returned with a comment.</summary>
    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        if (await GateAsync(id, ValuesAccess.Review, ct) is { } refused)
        {
            return refused;
        }

        if (!CanReview)
        {
            return await RefuseAsync(id, "Outcomes.Campaign.Error.NotSubmitted", ct);
        }

        var decisions = new List<LineDecision>();
        foreach (var line in Report.Lines.Where(l => l.Review == LineReview.Pending))
        {
            var comment = Comments.GetValueOrDefault(line.KpiId)?.Trim();
            if (comment?.Length > MaxNote)
            {
                AddProblem(line.KpiId, t["Outcomes.Collection.Task.Error.NoteTooLong", MaxNote]);
                continue;
            }

            decisions.Add(new LineDecision(line.KpiId, Decisions.GetValueOrDefault(line.KpiId) != "return", comment));
        }

        if (Problems.Count > 0)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Task.Error.Fix"]);
            return await ReloadAsync(id, ct);
        }

        await campaigns.ReviewAsync(id, decisions, User.UserId()!.Value, ct);
        db.ChangeTracker.Clear();
        var status = (await campaigns.TaskAsync(id, ct))!.Value.Task.Status;
        Done = t[status == KpiTaskStatus.Returned ? "Outcomes.Collection.Task.ReviewReturned" : "Outcomes.Collection.Task.ReviewAccepted"];
        return Redirect($"/outcomes/tasks/{id}");
    }

    public string KpiName(Guid kpiId) => Kpis.FirstOrDefault(k => k.Id == kpiId)?.Name(Platform.Localization.HubCulture.IsEnglish) ?? "";

    /// <summary>
    /// The flags a value carries: as the review saw them once submitted, otherwise what the same rules say of the
    /// saved draft, so the reporter knows before submitting where a note is needed.
    /// </summary>
    public OutlierFlags FlagsOf(KpiDefinition kpi)
    {
        var line = Report.Line(kpi.Id);
        if (line?.Value is not { } value)
        {
            return OutlierFlags.None;
        }

        if (Report.Status is KpiTaskStatus.Submitted or KpiTaskStatus.Accepted || line.Review != LineReview.Pending)
        {
            return line.Outliers;
        }

        var sameReport = Kpis.Select(k => (k.Code, Report.Line(k.Id)?.Value)).Where(x => x.Value is not null)
            .ToDictionary(x => x.Code, x => x.Value!.Value);
        return OutlierRules.Check(value, Previous.TryGetValue(kpi.Id, out var previous) ? previous
            : null) | OutlierRules.CheckAcross(kpi.Code, value, sameReport);
    }
}
