using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Services;

/// <summary>"내 예약" lists bookings from yesterday (KST, the whole day) on, as its heading says.</summary>
public sealed class BookingBoardTests
{
    [Theory, OnEveryDatabase]
    public async Task My_bookings_start_at_the_beginning_of_yesterday_not_24_hours_ago(string provider)
    {
        var clock = new FakeTimeProvider(FacilityScenario.MondayMorning);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock);
        var facility = await host.CreateFacilityAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var tuesday = await host.BookAsync(member.Id, facility.Id, host.At(1, 10), host.At(1, 11));
        var wednesday = await host.BookAsync(member.Id, facility.Id, host.At(2, 10), host.At(2, 11));
        var thursday = await host.BookAsync(member.Id, facility.Id, host.At(3, 10), host.At(3, 11));

        // Thursday 12:00: Wednesday's 10–11 ended more than 24 hours ago but is yesterday's, so it stays.
        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(3));
        await using var scope = host.Services.CreateAsyncScope();
        var mine = await scope.ServiceProvider.GetRequiredService<BookingBoard>().MineAsync(member.Id);

        Assert.Equal([wednesday.Id, thursday.Id], mine.Select(b => b.Id));
        Assert.DoesNotContain(mine, b => b.Id == tuesday.Id);
    }
}
