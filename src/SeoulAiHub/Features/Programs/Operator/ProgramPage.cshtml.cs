using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs.Operator;

/// <summary>One program with its calls (draft or published), their dates and how many applications each has.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class ProgramPageModel(HubDb db) : PageModel
{
    [TempData] public string? Done { get; set; }

    public SupportProgram Program { get; private set; } = null!;
    public IReadOnlyList<CallRow> Calls { get; private set; } = [];

    public sealed record CallRow(Guid Id, string TitleKo, string TitleEn, CallStatus Status, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, int Applications);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (program is null)
        {
            return NotFound();
        }

        Program = program;
        var calls = await db.Calls.AsNoTracking().Where(c => c.ProgramId == id).OrderByDescending(c => c.OpensAt)
            .Select(c => new { c.Id, c.TitleKo, c.TitleEn, c.Status, c.OpensAt, c.ClosesAt }).ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        // Drafts are the applicants' own work in progress: only what was submitted counts as an application here.
        var counts = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.CallId) && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Calls = [.. calls.Select(c => new CallRow(c.Id, c.TitleKo, c.TitleEn, c.Status, c.OpensAt, c.ClosesAt,
            counts.GetValueOrDefault(c.Id)))];
        return Page();
    }
}
