using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs.Public;

/// <summary>사업공고 — published calls: open (closing soonest first), upcoming, and recently closed. Drafts never appear.</summary>
[AllowAnonymous]
public sealed class CallsNoticeModel(HubDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Call> Open { get; private set; } = [];
    public IReadOnlyList<Call> Upcoming { get; private set; } = [];
    public IReadOnlyList<Call> Closed { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var now = Now;
        var published = db.Calls.AsNoTracking().Include(c => c.Program).Where(c => c.Status == CallStatus.Published);
        Open = await published.Where(c => c.OpensAt <= now && now <= c.ClosesAt).OrderBy(c => c.ClosesAt).Take(200).ToListAsync(ct);
        Upcoming = await published.Where(c => now < c.OpensAt).OrderBy(c => c.OpensAt).Take(200).ToListAsync(ct);
        Closed = await published.Where(c => c.ClosesAt < now).OrderByDescending(c => c.ClosesAt).Take(10).ToListAsync(ct);
    }
}
