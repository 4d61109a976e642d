using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Admin;

/// <summary>기관 일괄 등록 — import organizations from a CSV file; a file with any bad row imports nothing.</summary>
[Authorize(Policy = Policies.Operator)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class ImportOrganizationsModel(OrganizationCsv csv, IStringLocalizer<SharedResource> t) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public CsvImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, t["Csv.Error.NoFile"]);
            return Page();
        }

        if (file.Length > MaxBytes || !file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(string.Empty, t["Csv.Error.File"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Result = await csv.ImportAsync(stream, ct);
        return Page();
    }
}
