using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Features.Outcomes.Collection;
using SeoulAiHub.Platform.Authorization;

namespace SeoulAiHub.Features.Engagement.Visits;

/// <summary>
/// 브리핑 자료 — the visit's briefing pack as an A4 print layout. With <c>?download=1</c> the same content comes as a
/// self-contained HTML attachment (its styles inlined), to be mailed or opened without access to the hub.
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class BriefingModel(BriefingPacks packs, IWebHostEnvironment environment) : PageModel
{
    /// <summary>The stylesheet the download inlines: the briefing's own styles are all in it.</summary>
    public const string StylesheetPath = "css/engagement-visits.css";

    /// <summary>"1" or "true" asks for the attachment; anything else is the page.</summary>
    [BindProperty(SupportsGet = true)] public string? Download { get; set; }

    public BriefingPack Pack { get; private set; } = null!;
    public bool IsDownload { get; private set; }
    public string InlineCss { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await packs.ForVisitAsync(id, ct) is not { } pack)
        {
            return NotFound();
        }

        Pack = pack;
        IsDownload = Download is "1" or "true";
        if (IsDownload)
        {
            var file = environment.WebRootFileProvider.GetFileInfo(StylesheetPath);
            if (file.Exists)
            {
                await using var stream = file.CreateReadStream();
                using var reader = new StreamReader(stream);
                InlineCss = await reader.ReadToEndAsync(ct);
            }

            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileName = $"\"briefing-{CollectionFormat.Date(pack.Visit.Date)}.html\"",
            }.ToString();
        }

        return Page();
    }
}
