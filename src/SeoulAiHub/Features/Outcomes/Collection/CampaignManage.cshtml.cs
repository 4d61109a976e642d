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

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>
/// 성과 조사 관리 — one campaign: progress, the organizations' reports (filtered by status) with links to review them,
/// a later deadline, and locking, which asks for confirmation with the numbers of accepted and missing reports.
/// </summary>
[Authorize(Policy = Policies.Operator)]
public sealed class CampaignManageModel(HubDb db, CampaignService campaigns, IStringLocalizer<SharedResource> t, TimeProvider clock)
    : PageModel, IReloadAfterRefusal
{
    public const int MaxRows = 5000;

    [BindProperty(SupportsGet = true)] public KpiTaskStatus? Status { get; set; }

    /// <summary>Shows the lock confirmation step.</summary>
    [BindProperty(SupportsGet = true)] public bool Confirm { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [TempData] public string? Done { get; set; }

    public KpiCampaign Campaign { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<KpiTaskStatus, int> Counts { get; private set; } = new Dictionary<KpiTaskStatus, int>();
    public int Total => Counts.Values.Sum();
    public int KpiCount { get; private set; }
    public string? ProgramName { get; private set; }

    public sealed record Row(Guid TaskId, string OrganizationKo, string OrganizationEn, KpiTaskStatus Status, DateTimeOffset? SubmittedAt,
        int Flags, int Returned);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        DueOn = CollectionFormat.Date(Campaign.DueOn);
        return Page();
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (FormValue.Date(DueOn) is not { } due)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Campaign.Error.DueOn"]);
            return Page();
        }

        await campaigns.ExtendAsync(id, due, ct);
        Done = t["Outcomes.Collection.Campaign.Extended", CollectionFormat.Date(due)];
        return Redirect($"/outcomes/campaigns/{id}");
    }

    public async Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var values = await campaigns.LockAsync(id, User.UserId()!.Value, ct);
        Done = t["Outcomes.Collection.Campaign.Locked", values];
        return Redirect($"/outcomes/campaigns/{id}");
    }

    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct)
    {
        await LoadAsync(this.RouteId(), ct);
        Confirm = false;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.KpiCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        KpiCount = campaign.KpiIds.Count;
        if (campaign.ProgramId is { } programId)
        {
            var english = Platform.Localization.HubCulture.IsEnglish;
            ProgramName = await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => english ? p.NameEn : p.NameKo)
                .FirstOrDefaultAsync(ct);
        }

        Counts = await db.KpiTasks.AsNoTracking().Where(k => k.CampaignId == id).GroupBy(k => k.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var query = db.KpiTasks.AsNoTracking().Where(k => k.CampaignId == id);
        if (Status is { } status)
        {
            query = query.Where(k => k.Status == status);
        }

        Rows = await query.OrderBy(k => k.Organization.NameKo).ThenBy(k => k.Id).Take(MaxRows)
            .Select(k => new Row(k.Id, k.Organization.NameKo, k.Organization.NameEn, k.Status, k.SubmittedAt,
                k.Lines.Count(l => l.Outliers != OutlierFlags.None), k.Lines.Count(l => l.Review == LineReview.Returned)))
            .ToListAsync(ct);
        return true;
    }

    public DateOnly Today => Kst.Today(clock);
}
