using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Engagement.Opinions;

/// <summary>
/// 의견 등록 — operators record what was heard (at a visit or meeting, in a survey, or from a tenant); members of an
/// organization write in for it (source "tenant", today). Nobody else may: 403 on GET and POST. A member naming an
/// organization that is not theirs is refused with a message and nothing is saved.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OpinionNewModel(HubDb db, OpinionDesk desk, EngagementAccess access, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel
{
    [BindProperty] public OpinionInput Input { get; set; } = new();

    public bool IsOperator { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> OwnOrganizations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> AllOrganizations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Label)> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? visit, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        Input.Visibility = nameof(OpinionVisibility.Internal);
        if (IsOperator && visit is { } visitId && Visits.Any(v => v.Id == visitId))
        {
            Input.Source = nameof(OpinionSource.Visit);
            Input.VisitId = visitId.ToString();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        var category = EngagementLabels.ParseCategories(Input.Categories);
        var visibility = FormValue.Enum<OpinionVisibility>(Input.Visibility, ignoreCase: false);
        if (visibility is null)
        {
            return Problem("Engagement.Error.Visibility");
        }

        FieldOpinion opinion;
        if (IsOperator)
        {
            var source = FormValue.Enum<OpinionSource>(Input.Source, ignoreCase: false);
            if (source is null)
            {
                return Problem("Engagement.Error.Source");
            }

            DateOnly? saidOn = null;
            if (!string.IsNullOrWhiteSpace(Input.SaidOn) && (saidOn = FormValue.Date(Input.SaidOn)) is null)
            {
                return Problem("Engagement.Opinions.Error.Date");
            }

            // Only the fields that belong to the chosen source count (the others may hold an earlier choice).
            var visitId = source is OpinionSource.Visit or OpinionSource.Meeting ? FormValue.Id(Input.VisitId) : null;
            var organizationId = source == OpinionSource.Tenant || !string.IsNullOrWhiteSpace(Input.OrganizationId)
                ? FormValue.Id(Input.OrganizationId) : null;
            opinion = await desk.RecordAsync(source.Value, visitId, organizationId, Input.Speaker, Input.Text, category, visibility.Value,
                saidOn, User.UserId()!.Value, ct);
        }
        else
        {
            Guid? organizationId = OwnOrganizations.Count == 1 && string.IsNullOrWhiteSpace(Input.OrganizationId)
                ? OwnOrganizations[0].Id
                : FormValue.Id(Input.OrganizationId);
            if (organizationId is not { } own || OwnOrganizations.All(o => o.Id != own))
            {
                return Problem("Engagement.Error.NotMember");
            }

            opinion = await desk.RecordAsync(OpinionSource.Tenant, null, own, null, Input.Text, category, visibility.Value,
                Kst.Today(clock), User.UserId()!.Value, ct);
        }

        TempData["Done"] = t["Engagement.Opinions.New.Saved"].Value;
        return Redirect($"/engagement/opinions/{opinion.Id}");
    }

    private PageResult Problem(string key)
    {
        ModelState.AddModelError(string.Empty, t[key]);
        return Page();
    }

    /// <summary>Who may write here, and the choices they have; false for everybody else.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var english = Platform.Localization.HubCulture.IsEnglish;
        IsOperator = EngagementAccess.Manages(User);
        var own = await access.OrganizationsOfAsync(User, ct);
        if (!IsOperator && own.Count == 0)
        {
            return false;
        }

        var organizations = IsOperator ? db.OrganizationInfos() : db.OrganizationInfos().Where(o => own.Contains(o.Id));
        var names = (await organizations.Select(o => new { o.Id, o.NameKo, o.NameEn }).ToListAsync(ct))
            .Select(o => (o.Id, english ? o.NameEn : o.NameKo)).OrderBy(o => o.Item2, StringComparer.CurrentCulture).ToList();
        if (IsOperator)
        {
            AllOrganizations = names;
            Visits = (await db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled).OrderByDescending(v => v.Date).Take(200)
                    .Select(v => new { v.Id, v.Date, v.Title }).ToListAsync(ct))
                .Select(v => (v.Id, $"{EngagementForms.Iso(v.Date)} {v.Title}")).ToList();
        }
        else
        {
            OwnOrganizations = names;
        }

        return true;
    }
}

/// <summary>The opinion form: every field a string, parsed by the page, so that nothing a browser sends fails binding.</summary>
public sealed class OpinionInput
{
    public string? Source { get; set; }
    public string? VisitId { get; set; }
    public string? OrganizationId { get; set; }
    public string? Speaker { get; set; }
    public string? SaidOn { get; set; }
    public string? Text { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? Visibility { get; set; }
}
