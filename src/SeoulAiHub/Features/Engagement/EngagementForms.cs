using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Engagement;

/// <summary>What the engagement pages share beyond reading forms (which <c>FormValue</c> does): page size, dates as
/// text, the staff who may own actions, names and excerpts.</summary>
public static class EngagementForms
{
    public const int PageSize = 50;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Staff — operators and overseers: who may own an action item or take part in a visit as a person in the system.</summary>
    public static async Task<List<Person>> StaffAsync(HubDb db, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id &&
                db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == HubRoles.Operator || r.Name == HubRoles.Overseer))))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(ct);

    public static async Task<bool> IsStaffAsync(HubDb db, Guid userId, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where ur.UserId == userId && (r.Name == HubRoles.Operator || r.Name == HubRoles.Overseer)
               select ur).AnyAsync(ct);

    /// <summary>Display names of the people who did something, for histories and owner columns.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(HubDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>The first ~80 characters on one line, for lists.</summary>
    public static string Excerpt(string text, int length = 80)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..length].TrimEnd() + "…";
    }
}

public sealed record Person(Guid Id, string Name, string Email);
