using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>
/// 성과지표 관리 — the KPI definitions: list, add (the code is fixed from then on), retire and reactivate. A retired KPI
/// keeps its history and is no longer offered for new campaigns.
/// </summary>
[Authorize(Policy = Policies.Operator)]
public sealed class KpisModel(HubDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel, IReloadAfterRefusal
{
    [BindProperty] public KpiForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<KpiDefinition> Kpis { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new KpiForm { Unit = nameof(KpiUnit.Count), Kind = nameof(KpiKind.Flow), SortOrder = $"{NextOrder()}" };
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var code = (Input.Code ?? "").Trim().ToLowerInvariant();
        var (unit, kind, order, error) = Input.Read();
        if (ModelState.IsValid && error is not null)
        {
            ModelState.AddModelError(string.Empty, t[error]);
        }
        else if (ModelState.IsValid && code.Length > 0 && await db.KpiDefinitions.AnyAsync(k => k.Code == code, ct))
        {
            ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Kpi.Error.Duplicate", code]);
        }
        else if (ModelState.IsValid)
        {
            try
            {
                var kpi = KpiDefinition.Create(code, Input.NameKo ?? "", Input.NameEn ?? "", unit, kind, Input.EvidenceRequired, order,
                    Input.AllowsNegative);
                db.KpiDefinitions.Add(kpi);
                await db.SaveChangesAsync(ct);
                await audit.EventAsync("outcomes.kpi.added", nameof(KpiDefinition), kpi.Id.ToString(), kpi.Code, ct);
                Done = t["Outcomes.Collection.Kpi.Added", kpi.Code];
                return Redirect("/outcomes/kpis");
            }
            catch (DbUpdateException)
            {
                // Two operators adding the same code at once: the unique index answers for the second.
                ModelState.AddModelError(string.Empty, t["Outcomes.Collection.Kpi.Error.Duplicate", code]);
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Retires (active=false) or reactivates a KPI.</summary>
    public async Task<IActionResult> OnPostActiveAsync(Guid kpiId, bool active, CancellationToken ct)
    {
        var kpi = await db.KpiDefinitions.FirstOrDefaultAsync(k => k.Id == kpiId, ct);
        if (kpi is null)
        {
            return NotFound();
        }

        kpi.Update(kpi.NameKo, kpi.NameEn, kpi.Unit, kpi.Kind, kpi.EvidenceRequired, kpi.AllowsNegative, kpi.SortOrder, active);
        await db.SaveChangesAsync(ct);
        await audit.EventAsync(active ? "outcomes.kpi.reactivated" : "outcomes.kpi.retired", nameof(KpiDefinition),
            kpi.Id.ToString(), kpi.Code, ct);
        Done = t[active ? "Outcomes.Collection.Kpi.Reactivated" : "Outcomes.Collection.Kpi.Retired", kpi.Code];
        return Redirect("/outcomes/kpis");
    }

    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => LoadAsync(ct);

    private int NextOrder() => Kpis.Count == 0 ? 10 : Kpis.Max(k => k.SortOrder) + 10;

    private async Task LoadAsync(CancellationToken ct) =>
        Kpis = await db.KpiDefinitions.AsNoTracking().OrderByDescending(k => k.Active).ThenBy(k => k.SortOrder)
            .ThenBy(k => k.Code).ToListAsync(ct);
}
