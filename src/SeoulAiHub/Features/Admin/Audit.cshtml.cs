using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Admin;

/// <summary>The audit log, newest first, for operators and overseers. Reading it is itself logged (it holds emails and IPs).</summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class AuditModel(HubDb db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action.StartsWith(Action.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(e => e.Actor.Contains(Actor.Trim()));
        }

        // Keyset-free paging is fine here: operators read the first pages; one extra row tells whether a next page exists.
        var rows = await query.OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * AdminModule.PageSize).Take(AdminModule.PageSize + 1)
            .ToListAsync(ct);
        HasNext = rows.Count > AdminModule.PageSize;
        Entries = rows.Take(AdminModule.PageSize).ToList();
        await audit.PersonalDataReadAsync(nameof(AuditEntry), null, $"audit log page {PageNumber}", ct);
    }
}
