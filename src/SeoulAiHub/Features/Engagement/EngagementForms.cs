using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement;

/// <summary>What the engagement pages read from forms and query strings: parsed defensively, because a
/// hand-made request must end in a message or an ignored filter, never in a 500.</summary>
public static class EngagementForms
{
    public const int PageSize = 50;

    public static DateOnly? Date(string? value) => Kst.ParseDate(value);

    public static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static Guid? Id(string? value) => Guid.TryParse(value?.Trim(), out var id) && id != Guid.Empty ? id : null;

    /// <summary>An enum member by its name (not a number: "7" would parse into an undefined value).</summary>
    public static TEnum? Enum<TEnum>(string? value) where TEnum : struct, System.Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) && System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: false, out var parsed) &&
        System.Enum.IsDefined(parsed) ? parsed : null;

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
