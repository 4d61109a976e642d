using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Services;

/// <summary>No-show release and offer expiry, on a host whose clock the test moves (its own minute timer off).</summary>
public sealed class KeeperTests
{
    [Theory, OnEveryDatabase]
    public async Task A_no_show_is_released_after_the_grace_time_its_rest_offered_to_the_waitlist_and_an_unanswered_offer_expires(
        string provider)
    {
        var clock = new FakeTimeProvider(FacilityScenario.MondayMorning);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock);
        var keeper = host.Services.GetRequiredService<FacilityKeeper>();
        var facility = await host.CreateFacilityAsync();
        var holder = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var waiting = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var checkedIn = await host.BookAsync(holder.Id, facility.Id, host.At(1, 8), host.At(1, 9));
        var noShow = await host.BookAsync(holder.Id, facility.Id, host.At(1, 10), host.At(1, 12));
        var entry = await host.DeskAsync(d => d.JoinWaitlistAsync(waiting.Id,
            new BookingRequest(facility.Id, host.At(1, 11), host.At(1, 12), "오후 회의", 3)));

        clock.Advance(TimeSpan.FromHours(23));   // Tuesday 08:00
        await host.DeskAsync(d => d.CheckInAsync(checkedIn.Id, holder.Id));
        clock.Advance(TimeSpan.FromMinutes(2 * 60 + 14));   // 10:14, within the grace time (the demo hub's own no-shows go now)
        await keeper.RunOnceAsync();
        Assert.Equal(BookingStatus.Confirmed, (await host.BookingsOfAsync(facility.Id)).Single(b => b.Id == noShow.Id).Status);

        clock.Advance(TimeSpan.FromMinutes(2));   // 10:16
        Assert.True((await keeper.RunOnceAsync()).Released >= 1);
        Assert.Equal(0, (await keeper.RunOnceAsync()).Released);   // a second run finds nothing left

        var bookings = await host.BookingsOfAsync(facility.Id);
        Assert.Equal(BookingStatus.CheckedIn, bookings.Single(b => b.Id == checkedIn.Id).Status);
        Assert.Equal(BookingStatus.Released, bookings.Single(b => b.Id == noShow.Id).Status);
        var offer = bookings.Single(b => b.Status == BookingStatus.Offered);
        Assert.Equal(host.At(0, 11), offer.OfferExpiresAt);   // the hold ends at the slot's start, before two hours pass
        var noShowCells = (await host.ClaimsOfAsync(facility.Id)).Where(c => c.BookingId == noShow.Id).Select(c => c.CellStart);
        Assert.Equal([host.At(0, 10), host.At(0, 10, 15)], noShowCells);   // the past quarter hours stay, the rest was freed

        clock.Advance(TimeSpan.FromMinutes(44));   // 11:00
        Assert.True((await keeper.RunOnceAsync()).OffersExpired >= 1);
        Assert.Equal(WaitlistStatus.Expired, (await host.EntryAsync(entry.Id)).Status);
        Assert.DoesNotContain(await host.ClaimsOfAsync(facility.Id), c => c.BookingId == offer.Id);
    }
}
