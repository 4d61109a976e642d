using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>
/// 순위표 — a stage's ranking from the reviewers' submitted totals with the proposed selection. Before the final
/// stage the operator moves ticked applications on; at the final stage the operator confirms the decisions, which
/// publishes the results. Afterwards the page shows the results read-only. Two reads in all, however many rows.
/// </summary>
[Authorize(Policy = Policies.Operator)]
[RequestFormLimits(ValueCountLimit = 50_000)]
public sealed class CallRankingModel(HubDb db, SelectionService selection, IStringLocalizer<SharedResource> t) : PageModel
{
    // Up to thousands of rows are posted: read straight from the form (model binding caps collections at 1,024).
    public IReadOnlyCollection<Guid> Advance => Ids("Advance");
    public IReadOnlyCollection<Guid> Selected => Ids("Selected");
    [TempData] public string? Done { get; set; }

    public Call Call { get; private set; } = null!;
    public StageRanking? Ranking { get; private set; }
    public IReadOnlyList<ResultRow> Results { get; private set; } = [];

    /// <summary>True when the page is shown again after a refused confirmation: the operator's own choices are kept.</summary>
    public bool Posted { get; private set; }

    public sealed record ResultRow(Guid Id, string OrganizationKo, string OrganizationEn, string Title, long RequestedKrw,
        ApplicationStatus Status, long? AwardKrw, string? Note);

    public async Task<IActionResult> OnGetAsync(Guid id, string? stage, CancellationToken ct) =>
        await LoadAsync(id, stage, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, string? stage, CancellationToken ct)
    {
        if (!await LoadAsync(id, stage, ct))
        {
            return NotFound();
        }

        if (Ranking is null || Ranking.IsFinalStage)
        {
            ModelState.AddModelError(string.Empty, t["Programs.Application.Error.NoNextStage"]);
        }
        else if (Advance.Count == 0)
        {
            ModelState.AddModelError(string.Empty, t["Programs.Operator.Manage.NoApplications"]);
        }
        else
        {
            await selection.AdvanceAsync(id, Advance, ct);
            Done = t["Programs.Operator.Ranking.Advanced", Advance.Count];
            return Redirect($"/calls/{id}/ranking?stage={Uri.EscapeDataString(Call.Design.Stages[Ranking.StageIndex + 1].Key)}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var finalStage = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => c.Design)
            .FirstOrDefaultAsync(ct) is { Stages.Count: > 0 } design
            ? design.Stages[^1].Key
            : null;
        if (!await LoadAsync(id, finalStage, ct))
        {
            return NotFound();
        }

        Posted = true;
        if (Ranking is not { IsFinalStage: true } ranking || Call.ResultsPublishedAt is not null)
        {
            ModelState.AddModelError(string.Empty, t[Call.ResultsPublishedAt is null ? "Programs.Application.Error.WrongState"
                : "Programs.Call.Error.ResultsPublished"]);
            return Page();
        }

        var selected = Selected;
        var decisions = new List<SelectionDecision>(ranking.Proposal.Count);
        foreach (var proposal in ranking.Proposal)
        {
            var applicationId = proposal.Ranked.Candidate.ApplicationId;
            var isSelected = selected.Contains(applicationId);
            var award = isSelected ? FormValue.Krw(Request.Form["Award-" + applicationId]) : 0;
            if (award is null)
            {
                ModelState.AddModelError(string.Empty, t["Programs.Operator.Ranking.BadAward", proposal.Ranked.Rank]);
                return Page();
            }

            var reason = (string?)Request.Form["Reason-" + applicationId];
            if (reason is { Length: > 4000 })
            {
                ModelState.AddModelError(string.Empty, t["Programs.Operator.Ranking.ReasonTooLong", proposal.Ranked.Rank]);
                return Page();
            }

            decisions.Add(new SelectionDecision(applicationId, isSelected, award.Value,
                string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        }

        await selection.ConfirmAsync(id, decisions, ct);
        Done = t["Programs.Operator.Ranking.Confirmed"];
        return Redirect($"/calls/{id}/ranking");
    }

    /// <summary>The posted value (as typed) of a field of the confirm form, to show it again after a refusal.</summary>
    public string? PostedValue(string name) => Posted ? (string?)Request.Form[name] : null;

    private HashSet<Guid> Ids(string name) => Request.HasFormContentType
        ? [.. Request.Form[name].Select(FormValue.Id).OfType<Guid>()]
        : [];

    private async Task<bool> LoadAsync(Guid id, string? stage, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        if (call.ResultsPublishedAt is not null)
        {
            Results = await db.Applications.AsNoTracking().Where(a => a.CallId == id && a.DecidedAt != null)
                .OrderByDescending(a => a.AwardKrw != null).ThenByDescending(a => a.AwardKrw).ThenBy(a => a.Title)
                .Select(a => new ResultRow(a.Id, a.Organization.NameKo, a.Organization.NameEn, a.Title, a.RequestedKrw, a.Status,
                    a.AwardKrw, a.DecisionNote))
                .ToListAsync(ct);
            return true;
        }

        Ranking = await selection.RankAsync(id, stage, ct);
        return true;
    }
}
