using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Facilities;

/// <summary>
/// iCalendar feeds (calendar apps cannot sign in): each person has one random feed token, stored as its SHA-256 only,
/// shown once when made; a new token revokes the old. A facility's feed shows when it is taken (no purposes, no names);
/// a person's own feed shows their and their organizations' bookings with purposes. Events are in UTC.
/// </summary>
public sealed class FacilityFeeds(HubDb db, FacilitiesAccess access, TimeProvider clock)
{
    private static readonly TimeSpan Past = TimeSpan.FromDays(30);
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(180);

    /// <summary>Makes (or replaces) the person's token and returns it; only its hash is kept.</summary>
    public async Task<string> IssueAsync(Guid userId, CancellationToken ct = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var existing = await db.FacilityFeedTokens.SingleOrDefaultAsync(t => t.UserId == userId, ct);
        if (existing is null)
        {
            db.FacilityFeedTokens.Add(FacilityFeedToken.Create(userId, Hash(token), clock.GetUtcNow()));
        }
        else
        {
            existing.Replace(Hash(token), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(Guid userId, CancellationToken ct = default) =>
        await db.AuditedDeleteAsync(db.FacilityFeedTokens.Where(t => t.UserId == userId), "calendar feed address revoked", ct);

    public async Task<bool> HasTokenAsync(Guid userId, CancellationToken ct = default) =>
        await db.FacilityFeedTokens.AnyAsync(t => t.UserId == userId, ct);

    /// <summary>The person's own feed, or null for a wrong token.</summary>
    public async Task<string?> PersonalAsync(string? token, CancellationToken ct = default)
    {
        if (await UserOfAsync(token, ct) is not { } userId)
        {
            return null;
        }

        var booker = await access.BookerAsync(userId, ct);
        var organizations = booker.Organizations.ToList();
        var (since, until) = Window();
        var rows = await (from b in db.Bookings.AsNoTracking()
                          join f in db.Facilities on b.FacilityId equals f.Id
                          where (b.BookedBy == userId || (b.OrganizationId != null && organizations.Contains(b.OrganizationId.Value)))
                                && b.StartsAt >= since && b.StartsAt < until
                                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed ||
                                    b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Offered)
                          select new { b.Id, b.StartsAt, b.EndsAt, b.Purpose, b.Status, f.NameKo, f.NameEn }).ToListAsync(ct);
        return Write("서울AI허브 내 예약 / My bookings", rows.Select(r => (r.Id, r.StartsAt, r.EndsAt,
            $"{r.Purpose} — {r.NameKo}", $"{r.NameKo} / {r.NameEn}", r.Status == BookingStatus.Confirmed ||
                r.Status == BookingStatus.CheckedIn)));
    }

    /// <summary>A facility's busy times, or null for a wrong token or a facility the person may not book.</summary>
    public async Task<string?> FacilityAsync(Guid facilityId, string? token, CancellationToken ct = default)
    {
        if (await UserOfAsync(token, ct) is not { } userId)
        {
            return null;
        }

        var booker = await access.BookerAsync(userId, ct);
        var facility = await FacilitiesAccess.Bookable(db.Facilities.AsNoTracking(), booker.Audience)
            .SingleOrDefaultAsync(f => f.Id == facilityId, ct);
        if (facility is null)
        {
            return null;
        }

        var (from, to) = Window();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.FacilityId == facilityId && b.StartsAt >= from && b.StartsAt < to
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn ||
                    b.Status == BookingStatus.Offered))
            .Select(b => new { b.Id, b.StartsAt, b.EndsAt, b.Status }).ToListAsync(ct);
        return Write($"{facility.NameKo} / {facility.NameEn}", rows.Select(r => (r.Id, r.StartsAt, r.EndsAt, "예약됨 / Booked",
            $"{facility.NameKo} / {facility.NameEn}", r.Status == BookingStatus.Confirmed || r.Status == BookingStatus.CheckedIn)));
    }

    private (DateTimeOffset From, DateTimeOffset To) Window() => (clock.GetUtcNow() - Past, clock.GetUtcNow() + Ahead);

    private async Task<Guid?> UserOfAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        return await db.FacilityFeedTokens.AsNoTracking().Where(t => t.TokenHash == hash).Select(t => (Guid?)t.UserId)
            .SingleOrDefaultAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string Write(string name,
        IEnumerable<(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Summary, string Location, bool Confirmed)> events)
    {
        var calendar = new Calendar { ProductId = "-//Seoul AI Hub//Facilities//KO" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Seoul");
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        foreach (var e in events.OrderBy(e => e.Start))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}@facilities.seoulaihub.kr",
                DtStamp = stamp,
                DtStart = new CalDateTime(e.Start.UtcDateTime, CalDateTime.UtcTzId),
                DtEnd = new CalDateTime(e.End.UtcDateTime, CalDateTime.UtcTzId),
                Summary = e.Summary,
                Location = e.Location,
                Status = e.Confirmed ? EventStatus.Confirmed : EventStatus.Tentative,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
