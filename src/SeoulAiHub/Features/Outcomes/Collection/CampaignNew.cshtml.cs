using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>
/// 성과 조사 개시 — an operator names the campaign, picks the period, deadline, who is asked and which KPIs, sees how many
/// organizations that is ("check" re-renders the form with the count) and opens it: every organization gets a task.
/// </summary>
[Authorize(Policy = Policies.Operator)]
[RequestFormLimits(ValueCountLimit = 20_000)]
public sealed class CampaignNewModel(HubDb db, CampaignService campaigns, IStringLocalizer<SharedResource> t, TimeProvider clock)
    : PageModel, IReloadAfterRefusal
{
    [BindProperty] public CampaignForm Input { get; set; } = new();

    public IReadOnlyList<KpiDefinition> Kpis { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string NameKo, string NameEn, int Awardees)> Programs { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string NameKo, string NameEn)> Residents { get; private set; } = [];

    /// <summary>How many organizations the form as filled in would ask; null until checked.</summary>
    public int? Asked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = Kst.Today(clock);
        var period = ReportingPeriod.Containing(today, PeriodGrain.Quarter).Previous;
        var due = period.EndsOn.AddDays(30) is var d && d >= today.AddDays(14) ? d : today.AddDays(14);
        Input = new CampaignForm
        {
            NameKo = $"{period.Label(false)} 성과 조사",
            NameEn = $"{period.Label(true)} KPI report",
            Grain = nameof(PeriodGrain.Quarter),
            Year = period.Year.ToString(CultureInfo.InvariantCulture),
            Index = period.Index.ToString(CultureInfo.InvariantCulture),
            DueOn = CollectionFormat.Date(due),
            Target = nameof(CampaignTarget.Residents),
            KpiIds = [.. Kpis.Select(k => k.Id)],
        };
    }

    /// <summary>Counts the organizations the form would ask, without opening anything.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Read() is { } input)
        {
            Asked = await CountAsync(input, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Read() is not { } input)
        {
            return Page();
        }

        var campaign = await campaigns.OpenAsync(input, User.UserId()!.Value, ct);
        TempData["Done"] = t["Outcomes.Collection.Campaign.Opened", campaign.Tasks.Count].Value;
        return Redirect($"/outcomes/campaigns/{campaign.Id}");
    }

    /// <summary>The service's input, or null with every problem of the form added to the model state.</summary>

    /// <summary>How many organizations the refused campaign would have asked, shown beside the form again.</summary>
    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct)
    {
        if (Read() is { } input)
        {
            Asked = await CountAsync(input, ct);
        }
    }

    private CampaignInput? Read()
    {
        if (!ModelState.IsValid)
        {
            return null;
        }

        ReportingPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(Input.PeriodCode))
        {
            if (ReportingPeriod.TryParse(Input.PeriodCode.Trim(), out var parsed))
            {
                period = parsed;
            }
        }
        else if (FormValue.Enum<PeriodGrain>(Input.Grain, ignoreCase: false) is { } grain &&
                 int.TryParse(Input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
                 int.TryParse(Input.Index ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            try
            {
                period = ReportingPeriod.Of(grain, year, grain == PeriodGrain.Year ? 1 : index);
            }
            catch (ArgumentOutOfRangeException)
            {
                period = null;
            }
        }

        if (period is null)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Campaign.Error.Period"]);
        }

        var due = FormValue.Date(Input.DueOn);
        if (due is null)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Campaign.Error.DueOn"]);
        }

        var target = FormValue.Enum<CampaignTarget>(Input.Target, ignoreCase: false);
        if (target is null)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Campaign.Error.Target"]);
        }
        else if (target == CampaignTarget.ProgramAwardees && (Input.ProgramId is not { } programId || Programs.All(p => p.Id != programId)))
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Campaign.Error.Program"]);
        }
        else if (target == CampaignTarget.Selected && Input.OrganizationIds.Count == 0)
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Campaign.Error.NoneSelected"]);
        }

        if (!Input.KpiIds.Any(id => Kpis.Any(k => k.Id == id)))
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Campaign.Error.NoKpis"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new CampaignInput(Input.NameKo ?? "", Input.NameEn ?? "", period!.Value, due!.Value, target!.Value,
            target == CampaignTarget.ProgramAwardees ? Input.ProgramId : null,
            target == CampaignTarget.Selected ? Input.OrganizationIds.Distinct().ToList() : [], Input.KpiIds.Distinct().ToList());
    }

    private async Task<int> CountAsync(CampaignInput input, CancellationToken ct) => input.Target switch
    {
        CampaignTarget.Residents => Residents.Count,
        CampaignTarget.ProgramAwardees => Programs.FirstOrDefault(p => p.Id == input.ProgramId).Awardees,
        _ => await db.OrganizationInfos().CountAsync(o => input.OrganizationIds.Contains(o.Id), ct),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        // Only active KPIs: a retired one is not asked in a new campaign (the service drops it even when listed).
        Kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        var awardees = await db.Applications.AsNoTracking().Where(a => OutcomeRollups.Awarded.Contains(a.Status))
            .GroupBy(a => a.Call.ProgramId).Select(g => new { ProgramId = g.Key,
                Count = g.Select(a => a.OrganizationId).Distinct().Count() })
            .ToDictionaryAsync(x => x.ProgramId, x => x.Count, ct);
        Programs = [.. (await db.Programs.AsNoTracking().OrderBy(p => p.NameKo)
            .Select(p => new { p.Id, p.NameKo, p.NameEn }).ToListAsync(ct))
            .Select(p => (p.Id, p.NameKo, p.NameEn, awardees.GetValueOrDefault(p.Id)))];
        Residents = [.. (await db.OrganizationInfos().Where(o => o.TenancyStatus == TenancyStatus.Resident)
                .OrderBy(o => o.NameKo).Select(o => new { o.Id, o.NameKo, o.NameEn }).ToListAsync(ct))
            .Select(o => (o.Id, o.NameKo, o.NameEn))];
    }
}

public sealed class CampaignForm
{
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? NameKo { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? NameEn { get; set; }

    /// <summary>A period written as a code (2026-Q3, 2026-H1, 2026); when given it wins over grain, year and index.</summary>
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    public string? PeriodCode { get; set; }
    public string? Grain { get; set; }
    public string? Year { get; set; }
    public string? Index { get; set; }
    public string? DueOn { get; set; }
    public string? Target { get; set; }
    public Guid? ProgramId { get; set; }
    public List<Guid> OrganizationIds { get; set; } = [];
    public List<Guid> KpiIds { get; set; } = [];
}
