using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Facilities.Services.FacilityScenario;

namespace SeoulAiHub.Tests.Facilities.Services;

public sealed class WaitlistTests
{
    [Theory, OnEveryDatabase]
    public async Task A_cancelled_slot_is_offered_to_the_first_in_line_then_the_next_after_a_decline_and_accepting_books_it(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(buffer: 15);
        var holder = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var first = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var second = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var (start, end) = (host.At(46, 15), host.At(46, 16));
        var booking = await host.BookAsync(holder.Id, facility.Id, start, end);
        var request = new BookingRequest(facility.Id, start, end, "대기 신청", 5);

        await RefusedAsync("Facilities.Error.NotTaken", () => host.DeskAsync(d =>
            d.JoinWaitlistAsync(first.Id, request with { StartsAt = start.AddHours(3), EndsAt = end.AddHours(3) })));
        var firstEntry = await host.DeskAsync(d => d.JoinWaitlistAsync(first.Id, request));
        var secondEntry = await host.DeskAsync(d => d.JoinWaitlistAsync(second.Id, request));
        await RefusedAsync("Facilities.Error.AlreadyWaiting", () => host.DeskAsync(d => d.JoinWaitlistAsync(first.Id, request)));

        await host.DeskAsync(d => d.CancelAsync(booking.Id, holder.Id));

        Assert.Equal(WaitlistStatus.Offered, (await host.EntryAsync(firstEntry.Id)).Status);
        Assert.Equal(WaitlistStatus.Waiting, (await host.EntryAsync(secondEntry.Id)).Status);
        var offer = (await host.BookingsOfAsync(facility.Id)).Single(b => b.Status == BookingStatus.Offered);
        Assert.Equal((first.Id, firstEntry.Id), (offer.BookedBy, offer.WaitlistEntryId));
        Assert.Equal(5, (await host.ClaimsOfAsync(facility.Id)).Count);   // the offer holds the hour and the buffer
        Assert.True(await host.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == first.Id && n.TitleKo.StartsWith("대기 예약 제안"))));
        await RefusedAsync("Facilities.Error.Taken", () => host.BookAsync(holder.Id, facility.Id, start, end));
        await RefusedAsync("Facilities.Error.NoSuchBooking", () => host.DeskAsync(d => d.AcceptOfferAsync(offer.Id, second.Id)));

        await host.DeskAsync(d => d.DeclineOfferAsync(offer.Id, first.Id));

        Assert.Equal(WaitlistStatus.Withdrawn, (await host.EntryAsync(firstEntry.Id)).Status);
        Assert.Equal(WaitlistStatus.Offered, (await host.EntryAsync(secondEntry.Id)).Status);
        var next = (await host.BookingsOfAsync(facility.Id)).Single(b => b.Status == BookingStatus.Offered);
        Assert.Equal(second.Id, next.BookedBy);

        await host.DeskAsync(d => d.AcceptOfferAsync(next.Id, second.Id));

        var statuses = (await host.BookingsOfAsync(facility.Id)).Select(b => (b.BookedBy, b.Status)).ToList();
        Assert.Equal([(holder.Id, BookingStatus.Cancelled), (first.Id, BookingStatus.Declined), (second.Id, BookingStatus.Confirmed)],
            statuses);
        Assert.Equal(WaitlistStatus.Booked, (await host.EntryAsync(secondEntry.Id)).Status);
    }

    [Theory, OnEveryDatabase]
    public async Task Only_an_entry_whose_whole_slot_is_free_is_offered_even_if_an_earlier_one_is_waiting(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync();
        var holder = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var other = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var wantsLonger = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var wantsShorter = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var cancelled = await host.BookAsync(holder.Id, facility.Id, host.At(47, 10), host.At(47, 11));
        await host.BookAsync(other.Id, facility.Id, host.At(47, 11), host.At(47, 12));
        var longer = await host.DeskAsync(d => d.JoinWaitlistAsync(wantsLonger.Id,
            new BookingRequest(facility.Id, host.At(47, 10), host.At(47, 12), "긴 회의", 4)));
        var shorter = await host.DeskAsync(d => d.JoinWaitlistAsync(wantsShorter.Id,
            new BookingRequest(facility.Id, host.At(47, 10), host.At(47, 11), "짧은 회의", 4)));

        await host.DeskAsync(d => d.CancelAsync(cancelled.Id, holder.Id));

        Assert.Equal(WaitlistStatus.Waiting, (await host.EntryAsync(longer.Id)).Status);
        Assert.Equal(WaitlistStatus.Offered, (await host.EntryAsync(shorter.Id)).Status);
    }
}
