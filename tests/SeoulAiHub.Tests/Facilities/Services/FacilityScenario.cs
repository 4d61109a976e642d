using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Services;

/// <summary>
/// Helpers for the facility service tests: each test makes its own facility (open every day 06:00–23:45, holidays too,
/// unless asked otherwise), organizations and people, and books weeks ahead, so the demo hub and the shared host's
/// keeper do not interfere.
/// </summary>
internal static class FacilityScenario
{
    public static async Task<Facility> CreateFacilityAsync(this HubAppFactory host, Audience audience = Audience.Tenants,
        bool approval = false, int buffer = 0, int capacity = 12, bool openOnHolidays = true, Weekdays days = Weekdays.All,
        string? name = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        return await host.QueryAsync(async db =>
        {
            var site = await db.Sites.OrderBy(s => s.NameKo).Select(s => s.Id).FirstAsync();
            var facility = Facility.Create(new FacilitySettings(site, 2, name ?? $"시험 회의실 {suffix}", $"Test room {suffix}",
                FacilityKind.MeetingRoom, capacity, ["디스플레이/Display"], audience, approval, days, new TimeOnly(6, 0), new TimeOnly(23, 45),
                15, 480, buffer, openOnHolidays), DateTimeOffset.UtcNow);
            db.Facilities.Add(facility);
            await db.SaveChangesAsync();
            return facility;
        });
    }

    /// <summary>09:00 KST on a Monday: where the clock-moving tests start.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 6, 8, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A KST time some days ahead of the host's today.</summary>
    public static DateTimeOffset At(this HubAppFactory host, int daysAhead, int hour, int minute = 0) =>
        Grid.At(host.Today().AddDays(daysAhead), new TimeOnly(hour, minute));

    public static Task<T> DeskAsync<T>(this HubAppFactory host, Func<BookingDesk, Task<T>> work) => host.WithAsync(work);

    public static Task DeskAsync(this HubAppFactory host, Func<BookingDesk, Task> work) => host.WithAsync(work);

    public static Task<Booking> BookAsync(this HubAppFactory host, Guid userId, Guid facilityId, DateTimeOffset start, DateTimeOffset end,
        int attendees = 4, Guid? organization = null) =>
        host.DeskAsync(d => d.BookAsync(userId, new BookingRequest(facilityId, start, end, "시험 예약", attendees, organization)));

    public static async Task<RuleException> RefusedAsync(string key, Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<RuleException>(action);
        Assert.Equal(key, ex.Key);
        return ex;
    }

    public static Task<List<Booking>> BookingsOfAsync(this HubAppFactory host, Guid facilityId) =>
        host.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.FacilityId == facilityId).OrderBy(b => b.StartsAt)
            .ThenBy(b => b.CreatedAt).ToListAsync());

    public static Task<List<SlotClaim>> ClaimsOfAsync(this HubAppFactory host, Guid facilityId) =>
        host.QueryAsync(db => db.SlotClaims.AsNoTracking().Where(c => c.FacilityId == facilityId).OrderBy(c => c.CellStart).ToListAsync());

    public static Task<WaitlistEntry> EntryAsync(this HubAppFactory host, Guid id) =>
        host.QueryAsync(db => db.WaitlistEntries.AsNoTracking().SingleAsync(w => w.Id == id));
}
