using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Services;

/// <summary>Double booking is impossible under concurrent requests: the cells' key decides, on both databases.</summary>
public sealed class ConcurrentBookingTests
{
    [Theory, OnEveryDatabase]
    public async Task Fifty_concurrent_requests_for_the_same_slot_make_exactly_one_booking_and_49_clear_refusals(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(buffer: 15);
        var people = await MembersAsync(host, 5);
        var start = host.At(40, 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => TryBookAsync(host, people[i % 5], facility.Id, start, start.AddHours(1)))));

        Assert.Equal(1, outcomes.Count(o => o == "booked"));
        Assert.Equal(49, outcomes.Count(o => o == "Facilities.Error.Taken"));
        var booking = Assert.Single(await host.BookingsOfAsync(facility.Id));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(5, (await host.ClaimsOfAsync(facility.Id)).Count(c => c.BookingId == booking.Id));   // an hour and the buffer
        Assert.Single(await host.QueryAsync(db => db.BookingEvents.Where(e => e.BookingId == booking.Id).ToListAsync()));
    }

    [Theory, OnEveryDatabase]
    public async Task Concurrent_overlapping_but_not_equal_requests_also_make_one_booking(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync();
        var people = await MembersAsync(host, 4);
        var start = host.At(41, 10);

        // Hour-long bookings starting 10:00, 10:15, 10:30, 10:45: every two of them overlap.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            TryBookAsync(host, people[i % 4], facility.Id, start.AddMinutes(15 * (i % 4)), start.AddMinutes(15 * (i % 4) + 60)))));

        Assert.Equal(1, outcomes.Count(o => o == "booked"));
        Assert.All(outcomes.Where(o => o != "booked"), o => Assert.Equal("Facilities.Error.Taken", o));
        Assert.Single(await host.BookingsOfAsync(facility.Id));

        // Back to back after it is still free.
        var taken = (await host.BookingsOfAsync(facility.Id))[0];
        var next = await host.BookAsync(people[0], facility.Id, taken.EndsAt, taken.EndsAt.AddMinutes(30));
        Assert.Equal(BookingStatus.Confirmed, next.Status);
    }

    private static async Task<string> TryBookAsync(HubAppFactory host, Guid userId, Guid facilityId,
        DateTimeOffset start, DateTimeOffset end)
    {
        try
        {
            await host.BookAsync(userId, facilityId, start, end);
            return "booked";
        }
        catch (RuleException ex)
        {
            return ex.Key;
        }
    }

    /// <summary>Members of one new organization (its quota of 40 h a month is far from reached).</summary>
    private static async Task<Guid[]> MembersAsync(HubAppFactory host, int count)
    {
        var organization = await host.CreateOrganizationAsync();
        var people = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            people[i] = (await host.CreateAsync(HubRoles.TenantMember, organization.Id, twoFactor: false)).Id;
        }

        return people;
    }
}
