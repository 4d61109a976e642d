using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// 기관 정보 수정 — an organization's admins edit its profile; operators also set type, registration number and
/// classification, and create new organizations (id "new"). Others get 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(HubDb db, OrganizationEditor editor, DirectoryIndex directory, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public OrganizationForm Input { get; set; } = new();

    public bool IsNew { get; private set; }
    public bool Official => User.IsInRole(HubRoles.Operator);
    public DirectoryIndex.Snapshot Terms { get; private set; } = null!;
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var organizationId = IsNewId(id) ? (Guid?)null : FormValue.Id(id) ?? Guid.Empty;
        if (await AuthorizeAsync(organizationId, ct) is { } denied)
        {
            return denied;
        }

        Terms = await directory.CurrentAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = Input.ToInput();
        var result = organizationId is null
            ? await editor.CreateAsync(input, ct)
            : await editor.UpdateAsync(organizationId.Value, input, official: Official, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, key) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", t[key]);
            }

            return Page();
        }

        Saved = t["Org.Saved"];
        return Redirect($"/organizations/{result.Organization!.Id}");
    }

    private static bool IsNewId(string id) => id.Equals("new", StringComparison.OrdinalIgnoreCase);

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        Terms = await directory.CurrentAsync(ct);
        if (IsNewId(id))
        {
            IsNew = true;
            return await AuthorizeAsync(null, ct);
        }

        if (FormValue.Id(id) is not { } organizationId || await AuthorizeAsync(organizationId, ct) is { } denied)
        {
            return NotFound();
        }

        var organization = await db.Organizations.AsNoTracking().Include(o => o.Domains).Include(o => o.Industries)
            .AsSplitQuery().FirstAsync(o => o.Id == organizationId, ct);
        Input = OrganizationForm.From(organization);
        return null;
    }

    /// <summary>
    /// Operators for new organizations; for existing ones the Manage operation (operators and the organization's admins).
    /// </summary>
    private async Task<IActionResult?> AuthorizeAsync(Guid? organizationId, CancellationToken ct)
    {
        IsNew = organizationId is null;
        if (organizationId is null)
        {
            return Official ? null : NotFound();
        }

        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        return organization is not null && (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Manage)).Succeeded
            ? null
            : NotFound();
    }
}

public sealed class OrganizationForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Org.NameKo")]
    public string NameKo { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Org.NameEn")]
    public string NameEn { get; set; } = "";

    [Display(Name = "Org.Type")]
    public OrganizationType Type { get; set; } = OrganizationType.Startup;

    [Display(Name = "Org.Brn")]
    public string? BusinessRegistrationNumber { get; set; }

    [Display(Name = "Org.Founded")]
    public DateOnly? FoundedOn { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Org.Error.Headcount")]
    [Display(Name = "Org.Headcount")]
    public int? Headcount { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Org.Summary")]
    public string? Summary { get; set; }

    [StringLength(20000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Org.Description")]
    public string? Description { get; set; }

    [Display(Name = "Org.Website")]
    public string? Website { get; set; }

    [Display(Name = "Org.ContactEmail")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Org.ContactPhone")]
    public string? ContactPhone { get; set; }

    public List<string> Domains { get; set; } = [];
    public List<string> Industries { get; set; } = [];

    public OrganizationInput ToInput() => new(NameKo, NameEn, Type, BusinessRegistrationNumber, FoundedOn, Headcount, Summary,
        Description, Website, ContactEmail, ContactPhone, Domains, Industries);

    public static OrganizationForm From(Organization o) => new()
    {
        NameKo = o.NameKo, NameEn = o.NameEn, Type = o.Type,
        BusinessRegistrationNumber = o.BusinessRegistrationNumber is null ? null
            : Organizations.BusinessRegistrationNumber.Format(o.BusinessRegistrationNumber),
        FoundedOn = o.FoundedOn, Headcount = o.Headcount, Summary = o.Summary, Description = o.Description, Website = o.Website,
        ContactEmail = o.ContactEmail, ContactPhone = o.ContactPhone,
        Domains = o.Domains.Select(d => d.Code).ToList(), Industries = o.Industries.Select(i => i.Code).ToList(),
    };
}
