using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Admin;

/// <summary>분류 관리 — operators keep the AI domain and industry taxonomies (add, rename, reorder).</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class TaxonomiesModel(HubDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public TermForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<TechnologyDomain> Domains { get; private set; } = [];
    public IReadOnlyList<Industry> Industries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = Input.Code.Trim().ToLowerInvariant();
        if (ModelState.IsValid)
        {
            var exists = Input.Kind == TermKind.Domain
                ? await db.TechnologyDomains.AnyAsync(d => d.Code == code, ct)
                : await db.Industries.AnyAsync(i => i.Code == code, ct);
            if (exists)
            {
                ModelState.AddModelError("Input.Code", t["Taxonomy.Error.CodeTaken"]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (Input.Kind == TermKind.Domain)
        {
            db.TechnologyDomains.Add(TechnologyDomain.Create(code, Input.NameKo, Input.NameEn, Input.SortOrder));
        }
        else
        {
            db.Industries.Add(Industry.Create(code, Input.NameKo, Input.NameEn, Input.SortOrder));
        }

        await db.SaveChangesAsync(ct);
        Done = t["Taxonomy.Added"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken ct)
    {
        ModelState.Remove("Input.Code");
        TaxonomyTerm? term = await db.TechnologyDomains.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? (TaxonomyTerm?)await db.Industries.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (term is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        term.Rename(Input.NameKo, Input.NameEn, Input.SortOrder);
        await db.SaveChangesAsync(ct);
        Done = t["Taxonomy.Renamed"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Domains = await db.TechnologyDomains.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
        Industries = await db.Industries.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
    }
}

public enum TermKind
{
    Domain,
    Industry,
}

public sealed class TermForm
{
    public TermKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression("^[a-zA-Z][a-zA-Z0-9-]{1,39}$", ErrorMessage = "Taxonomy.Error.Code")]
    [Display(Name = "Taxonomy.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Taxonomy.NameKo")]
    public string NameKo { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Taxonomy.NameEn")]
    public string NameEn { get; set; } = "";

    [Range(0, 999, ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Taxonomy.SortOrder")]
    public int SortOrder { get; set; }
}
