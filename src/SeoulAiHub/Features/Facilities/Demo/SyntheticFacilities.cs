using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Facilities.Demo;

/// <summary>
/// Load data for availability search (<c>seed facilities --resources N --bookings M</c>): N facilities over the existing
/// sites (every kind, 4–180 seats, some public, some needing approval) and about M bookings of resident organizations,
/// half before and half after today, up to four a day per facility, never overlapping. Past bookings were used, missed
/// or cancelled; future ones are confirmed, pending or cancelled. Built through the domain methods in batches, with one
/// audit row for the whole load; no mail.
/// </summary>
internal sealed class SyntheticFacilities(HubDb db, TimeProvider clock, AuditLog audit)
{
    private const int Batch = 2000;

    public async Task<(int Facilities, int Bookings, int Claims)> SeedAsync(int resources, int bookings, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = Kst.Today(clock);
        var random = new Random(20261126 + resources);
        var sites = await db.AllSites().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.TenancyStatus == TenancyStatus.Resident)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(5000).ToListAsync(ct);
        var user = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (sites.Count == 0 || organizations.Count == 0 || user == Guid.Empty)
        {
            throw new InvalidOperationException("seed facilities needs sites, resident organizations and a user (seed demo first)");
        }

        var facilities = new List<Facility>();
        for (var i = 0; i < resources; i++)
        {
            var kind = (FacilityKind)(i % 4);
            var capacity = kind switch { FacilityKind.ConferenceHall => 60 + random.Next(121), FacilityKind.Studio => 2 + random.Next(5),
                FacilityKind.Classroom => 20 + random.Next(31), _ => 4 + random.Next(17) };
            var audience = i % 5 == 0 ? Audience.Public | Audience.Tenants : Audience.Tenants;
            facilities.Add(Facility.Create(new FacilitySettings(sites[i % sites.Count], 1 + i % 9, $"합성 시설 {i + 1:000}",
                $"Synthetic facility {i + 1:000}", kind, capacity, i % 3 == 0 ? ["디스플레이/Display"] : ["화이트보드/Whiteboard"], audience,
                kind == FacilityKind.ConferenceHall, Weekdays.WorkingDays, new TimeOnly(9, 0), new TimeOnly(21, 0), 30, 480, i % 2 * 15),
                    now));
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var made = 0;
        var claims = 0;
        using (AuditInterceptor.SuppressForBulkLoad())
        {
            db.Facilities.AddRange(facilities);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // About 2.5 bookings a facility a working day: enough days either side of today for the bookings asked.
            var perDay = Math.Max(1, resources * 5 / 2);
            var days = Math.Max(2, bookings * 7 / 5 / perDay + 2);
            var pending = 0;
            // Days either side of today; if the random day plans fall short, the loop runs on into later days.
            for (var d = -days / 2; made < bookings && d < 3 * 365; d++)
            {
                var date = today.AddDays(d);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                foreach (var facility in facilities)
                {
                    var hour = 9;
                    for (var n = random.Next(6); n > 0 && made < bookings; n--)
                    {
                        hour += random.Next(2);
                        var length = 1 + random.Next(3);
                        if (hour + length > 21)
                        {
                            break;
                        }

                        var booking = MakeBooking(facility, organizations[random.Next(organizations.Count)], user, date, hour,
                            length, random, now);
                        claims += booking.Claims.Count;
                        db.Bookings.Add(booking);
                        made++;
                        pending++;
                        hour += length + 1;
                    }

                    if (pending >= Batch)
                    {
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                        pending = 0;
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await audit.EventAsync("seed.synthetic-facilities", details: $"{resources} facilities, {made} bookings, {claims} claimed cells",
            ct: ct);
        return (resources, made, claims);
    }

    private static Booking MakeBooking(Facility facility, Guid organization, Guid user, DateOnly date, int hour, int length,
        Random random, DateTimeOffset now)
    {
        var start = Grid.At(date, new TimeOnly(hour, 0));
        var booked = start.AddDays(-7 - random.Next(20));
        var booking = Booking.Request(facility, organization, user, false, "합성 예약 / synthetic booking", 1 + random.Next(facility.Capacity),
            start, start.AddHours(length), null, booked);
        var roll = random.Next(20);
        if (roll == 0)
        {
            booking.Cancel(facility, user, start.AddDays(-1));
            booking.Claims.Clear();
            return booking;
        }

        if (booking.Status == BookingStatus.Pending)
        {
            if (start > now)
            {
                return booking;
            }

            booking.Approve(user, start.AddDays(-1));
        }

        if (start > now)
        {
            return booking;
        }

        if (roll == 1)
        {
            var freed = booking.Release(facility, booking.NoShowAt(facility));
            booking.Claims.RemoveAll(c => c.CellStart >= freed);
        }
        else
        {
            booking.CheckIn(facility, user, start);
        }

        return booking;
    }
}
