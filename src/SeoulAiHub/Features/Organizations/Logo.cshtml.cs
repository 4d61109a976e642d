using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Organizations;

/// <summary>Upload or replace an organization's logo (its admins and operators).</summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(LogoStore.MaxBytes + 64 * 1024)]
public sealed class LogoModel(HubDb db, LogoStore logos, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (file is null)
        {
            ModelState.AddModelError(string.Empty, t["Csv.Error.NoFile"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var (name, error) = await logos.SaveAsync(stream, file.Length, ct);
        if (name is null)
        {
            ModelState.AddModelError(string.Empty, t[error!]);
            return Page();
        }

        var previous = Organization.LogoFile;
        Organization.SetLogo(name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logos.Delete(previous);
        return Redirect($"/organizations/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Manage)).Succeeded)
        {
            return false;
        }

        Organization = organization;
        return true;
    }
}
