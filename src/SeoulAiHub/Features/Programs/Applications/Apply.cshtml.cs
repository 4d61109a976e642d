using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Applications;

/// <summary>Starts (or finds) the organization's application to a call; with several memberships the user picks one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ApplyToCallModel(HubDb db, ProgramAccess access, ApplicationService applications, IStringLocalizer<SharedResource> t)
    : PageModel
{
    [BindProperty] public Guid? OrganizationId { get; set; }
    public Call Call { get; private set; } = null!;
    public IReadOnlyList<MemberOrganization> Organizations { get; private set; } = [];

    /// <summary>Shows the choice only: starting an application is a POST (the call page's button posts here directly).</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var organizationId = OrganizationId ?? (Organizations.Count == 1 ? Organizations[0].Id : Guid.Empty);
        if (!Organizations.Any(o => o.Id == organizationId))
        {
            ModelState.AddModelError(string.Empty, t["Programs.Applicant.Apply.ChooseOrganization"]);
            return Page();
        }

        return await StartAsync(id, organizationId, ct);
    }

    private async Task<IActionResult> StartAsync(Guid id, Guid organizationId, CancellationToken ct)
    {
        var application = await applications.StartAsync(id, organizationId, User.UserId()!.Value, ct);
        return Redirect($"/applications/{application.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Status == CallStatus.Published, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        Organizations = await access.OrganizationsOfAsync(User, ct);
        return true;
    }
}
