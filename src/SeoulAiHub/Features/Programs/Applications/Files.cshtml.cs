using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs.Applications;

/// <summary>
/// An application document: for the applicant organization, its assigned reviewers and operators; anyone else 404.
/// Every read is audited.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ApplicationDocumentFileModel(HubDb db, ProgramAccess access, DocumentStore store, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid docId, CancellationToken ct)
    {
        var organizationId = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.OrganizationId)
            .FirstOrDefaultAsync(ct);
        if (organizationId is null || await access.ForAsync(User, id, organizationId.Value, ct) == ApplicationAccess.None)
        {
            return NotFound();
        }

        var document = await db.ApplicationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == docId && d.ApplicationId == id, ct);
        if (document is null || store.PathOf(document.StoredName) is not { } path)
        {
            return NotFound();
        }

        await audit.PersonalDataReadAsync(nameof(ApplicationDocument), docId.ToString(), "application document", ct);
        return FileOf(this, path, document.ContentType, document.FileName);
    }

    /// <summary>Always a download (never shown inline), with the type the store sniffed.</summary>
    internal static PhysicalFileResult FileOf(PageModel page, string path, string contentType, string fileName)
    {
        page.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return new PhysicalFileResult(path, contentType) { FileDownloadName = fileName };
    }
}

/// <summary>A report's file: for the applicant organization and operators; audited like documents.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AgreementReportFileModel(HubDb db, ProgramAccess access, DocumentStore store, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid reportId, CancellationToken ct)
    {
        var organizationId = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.OrganizationId)
            .FirstOrDefaultAsync(ct);
        if (organizationId is null ||
            await access.ForAsync(User, id, organizationId.Value, ct) is not (ApplicationAccess.Applicant or ApplicationAccess.Operator))
        {
            return NotFound();
        }

        var report = await db.AgreementReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == reportId && db.Agreements.Any(x => x.Id == r.AgreementId && x.ApplicationId == id), ct);
        if (report?.StoredName is null || store.PathOf(report.StoredName) is not { } path)
        {
            return NotFound();
        }

        await audit.PersonalDataReadAsync(nameof(AgreementReport), reportId.ToString(), "agreement report", ct);
        return ApplicationDocumentFileModel.FileOf(this, path, report.ContentType ?? "application/octet-stream",
            report.FileName ?? report.StoredName);
    }
}
