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

/// <summary>Edits a KPI definition; the code stays as created, since exports and the API name the KPI by it.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class KpiEditModel(HubDb db, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public KpiForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var kpi = await db.KpiDefinitions.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kpi is null)
        {
            return NotFound();
        }

        Code = kpi.Code;
        Input = KpiForm.Of(kpi);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var kpi = await db.KpiDefinitions.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kpi is null)
        {
            return NotFound();
        }

        Code = kpi.Code;
        var (unit, kind, order, error) = Input.Read();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, t[error]);
            return Page();
        }

        kpi.Update(Input.NameKo ?? "", Input.NameEn ?? "", unit, kind, Input.EvidenceRequired, Input.AllowsNegative, order, Input.Active);
        await db.SaveChangesAsync(ct);
        await audit.EventAsync("outcomes.kpi.updated", nameof(KpiDefinition), kpi.Id.ToString(), kpi.Code, ct);
        Done = t["Outcomes.Collection.Kpi.Saved", kpi.Code];
        return Redirect("/outcomes/kpis");
    }
}
