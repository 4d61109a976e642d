using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Organizations;

/// <summary>An organization's public profile at a stable address; contact data only for those who may read it.</summary>
[AllowAnonymous]
public sealed class ProfileModel(HubDb db, IAuthorizationService authorization, IOrganizationPremises premises, AuditLog audit,
    TimeProvider clock) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public bool ShowPrivate { get; private set; }
    public bool MayEdit { get; private set; }
    public IReadOnlyList<string> Rooms { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Domains).Include(o => o.Industries)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return NotFound();
        }

        Organization = organization;
        DescriptionHtml = MarkdownText.ToSafeHtml(organization.Description);
        if (User.Identity?.IsAuthenticated == true)
        {
            ShowPrivate = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.ReadPrivate)).Succeeded;
            MayEdit = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Manage)).Succeeded;
            if (ShowPrivate && (organization.ContactEmail ?? organization.ContactPhone) is not null)
            {
                await audit.PersonalDataReadAsync(nameof(Organization), id.ToString(), "profile contacts", ct);
            }
        }

        Rooms = await premises.RoomsHeldOnAsync(db, id, Kst.Today(clock), ct);
        return Page();
    }
}
