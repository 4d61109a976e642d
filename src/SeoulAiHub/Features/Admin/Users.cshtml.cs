using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Admin;

/// <summary>People who can sign in, with their roles. Every view of this list is written to the audit log.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class UsersModel(HubDb db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            var name = Q.Trim();
            query = query.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.Contains(name));
        }

        Total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.Email)
            .Skip((PageNumber - 1) * AdminModule.PageSize).Take(AdminModule.PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.TwoFactorEnabled, u.LockoutEnd, u.EmailConfirmed, u.CreatedAt })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        Rows = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", rolesByUser[u.Id].Order().ToList(),
            u.TwoFactorEnabled, u.LockoutEnd > DateTimeOffset.UtcNow, u.EmailConfirmed, u.CreatedAt)).ToList();
        await audit.PersonalDataReadAsync("HubUser", null, $"users page {PageNumber} q='{Q}': {Rows.Count} people", ct);
    }
}

public sealed record UserRow(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, bool TwoFactor, bool LockedOut,
    bool EmailConfirmed, DateTimeOffset CreatedAt);
