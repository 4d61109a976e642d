using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>후속 조치 보고서 (방문별) — what was heard at one visit and what came of it, for operators and overseers.</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class VisitReportModel(HubDb db, FollowUpReports reports) : PageModel
{
    public Visit Visit { get; private set; } = null!;
    public FollowUpReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().Include(v => v.Participants).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return NotFound();
        }

        Visit = visit;
        Report = new FollowUpReportView(await reports.ForVisitAsync(id, publicOnly: false, ct), PublicView: false);
        return Page();
    }
}
