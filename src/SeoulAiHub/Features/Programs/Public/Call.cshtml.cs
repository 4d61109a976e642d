using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Programs.Public;

/// <summary>One call (공고): text, dates, eligibility, form, documents, stages, money, attachments, and the way to apply.</summary>
[AllowAnonymous]
public sealed class CallNoticeModel(HubDb db, ProgramAccess access, TimeProvider clock) : PageModel
{
    public Call Call { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<MemberOrganization> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Program).Include(c => c.Attachments).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || (call.Status != CallStatus.Published && !User.IsInRole(HubRoles.Operator)))
        {
            return NotFound();
        }

        Call = call;
        Now = clock.GetUtcNow();
        var english = Platform.Localization.HubCulture.IsEnglish;
        BodyHtml = MarkdownText.ToSafeHtml(english && !string.IsNullOrWhiteSpace(call.BodyEn) ? call.BodyEn : call.BodyKo);
        Organizations = await access.OrganizationsOfAsync(User, ct);
        return Page();
    }
}

/// <summary>A call's attachment: public once the call is published (operators also read drafts').</summary>
[AllowAnonymous]
public sealed class CallAttachmentFileModel(HubDb db, DocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Status }).FirstOrDefaultAsync(ct);
        if (call is null || (call.Status != CallStatus.Published && !User.IsInRole(HubRoles.Operator)))
        {
            return NotFound();
        }

        var attachment = await db.CallAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CallId == id, ct);
        return attachment is not null && store.PathOf(attachment.StoredName) is { } path
            ? PhysicalFile(path, attachment.ContentType, attachment.FileName)
            : NotFound();
    }
}
