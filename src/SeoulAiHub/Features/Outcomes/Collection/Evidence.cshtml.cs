using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>
/// An evidence file: for the reporting organization's members, operators and overseers; anyone else 404. Always a
/// download with the type the store sniffed, and every read is audited.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EvidenceModel(HubDb db, OutcomeAccess access, EvidenceStore store, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.KpiEvidence.AsNoTracking()
            .Join(db.KpiTasks, e => e.TaskId, k => k.Id, (e, k) => new { Evidence = e, k.OrganizationId })
            .FirstOrDefaultAsync(x => x.Evidence.Id == id, ct);
        if (evidence is null || await access.ForAsync(User, evidence.OrganizationId, ct) == ValuesAccess.None ||
            store.PathOf(evidence.Evidence.StoredName) is not { } path)
        {
            return NotFound();
        }

        await audit.PersonalDataReadAsync(nameof(KpiEvidence), id.ToString(), "KPI evidence", ct);
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return new PhysicalFileResult(path, evidence.Evidence.ContentType) { FileDownloadName = evidence.Evidence.FileName };
    }
}
