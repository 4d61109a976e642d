using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>The ranking of a stage as a CSV download (ranking-&lt;callId&gt;-&lt;stage&gt;.csv).</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class RankingCsvModel(HubDb db, SelectionService selection, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? stage, CancellationToken ct)
    {
        if (await selection.RankAsync(id, stage, ct) is not { } ranking)
        {
            return NotFound();
        }

        // The organization and the title in columns of their own: one read for the whole stage.
        var names = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == id && a.StageIndex == ranking.StageIndex && a.Status == ApplicationStatus.UnderReview)
            .Select(a => new { a.Id, Organization = a.Organization.NameKo, a.Title })
            .ToDictionaryAsync(a => a.Id, ct);
        var rows = ranking.Proposal.Select(p => names.TryGetValue(p.Ranked.Candidate.ApplicationId, out var n)
            ? new RankingCsvRow(p, n.Organization, n.Title)
            : new RankingCsvRow(p, p.Ranked.Candidate.Name, "")).ToList();

        var buffer = new MemoryStream();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = LocalizationSetup.Korean;
        try
        {
            await RankingCsv.WriteAsync(buffer, rows, key => t[key].Value, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", $"ranking-{id}-{ranking.Stage.Key}.csv");
    }
}
