using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Facilities.Services.FacilityScenario;

namespace SeoulAiHub.Tests.Facilities.Services;

public sealed class BookingRulesTests
{
    [Theory, OnEveryDatabase]
    public async Task A_member_of_the_public_cannot_book_a_tenants_only_room_but_can_book_a_public_classroom(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var tenantsOnly = await host.CreateFacilityAsync(Audience.Tenants);
        var open = await host.CreateFacilityAsync(Audience.Public | Audience.Tenants);
        var learner = await host.CreateAsync(HubRoles.Learner, twoFactor: false);
        var tenant = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);

        await RefusedAsync("Facilities.Error.NotForPublic", () => host.BookAsync(learner.Id, tenantsOnly.Id,
            host.At(42, 10), host.At(42, 11)));
        var own = await host.BookAsync(learner.Id, open.Id, host.At(42, 10), host.At(42, 11));
        var forOrganization = await host.BookAsync(tenant.Id, tenantsOnly.Id, host.At(42, 10), host.At(42, 11));

        Assert.Null(own.OrganizationId);
        Assert.NotNull(forOrganization.OrganizationId);
        Assert.Empty(await host.BookingsOfAsync(tenantsOnly.Id).ContinueWith(t => t.Result.Where(b => b.BookedBy == learner.Id).ToList()));
    }

    [Theory, OnEveryDatabase]
    public async Task The_monthly_quota_refuses_a_booking_past_it_and_names_the_hours_left(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync();
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id, twoFactor: false);
        var staff = await host.CreateAsync(HubRoles.Operator, twoFactor: false);
        await host.QueryAsync(async db =>
        {
            db.FacilityQuotas.Add(FacilityQuota.Create(organization.Id, 3, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var day = host.At(45, 0);
        var (monthStart, _) = Quota.MonthOf(day);
        var first = Grid.KstDate(monthStart);   // the first of the month 45 days ahead falls in
        DateTimeOffset On(int hour) => Grid.At(first.AddDays(2), new TimeOnly(hour, 0));

        var early = await host.BookAsync(member.Id, facility.Id, On(9), On(11));
        var ex = await RefusedAsync("Facilities.Error.Quota", () => host.BookAsync(member.Id, facility.Id, On(12), On(14)));
        Assert.Equal([3, "1", Grid.KstDate(monthStart.AddDays(1)).ToString("yyyy-MM")], ex.Arguments);

        // A cancellation in good time gives the hours back; staff bookings never count.
        Assert.False(await host.DeskAsync(d => d.CancelAsync(early.Id, member.Id)));
        await host.BookAsync(member.Id, facility.Id, On(12), On(15));
        await host.BookAsync(staff.Id, facility.Id, On(16), On(22));
    }

    [Theory, OnEveryDatabase]
    public async Task A_series_books_its_free_dates_reports_the_taken_one_and_lists_exceptions_and_holidays(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(openOnHolidays: false);
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id, twoFactor: false);
        var other = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var from = Grid.KstDate(host.At(50, 0));
        var weekday = from.DayOfWeek;
        var blocker = await host.BookAsync(other.Id, facility.Id, Grid.At(from.AddDays(14), new(10, 30)),
            Grid.At(from.AddDays(14), new(11, 30)));

        var result = await host.DeskAsync(d => d.BookSeriesAsync(member.Id, new SeriesRequest(facility.Id,
            new RecurrenceRule(WeekdaysExtensions.Of(weekday), new TimeOnly(10, 0), new TimeOnly(11, 0), from, from.AddDays(34),
                [from.AddDays(7)]), "주간 회의", 6)));

        Assert.Equal(from.AddDays(14), Grid.KstDate(Assert.Single(result.Taken).StartsAt));
        Assert.Contains(result.Skipped, s => s.Date == from.AddDays(7) && s.Reason == SkipReason.Exception);
        Assert.Equal(5 - 1 - 1 - result.Skipped.Count(s => s.Reason == SkipReason.Holiday), result.Booked.Count);
        Assert.All(result.Booked, b => Assert.Equal(result.Series.Id, b.SeriesId));
        var stored = await host.BookingsOfAsync(facility.Id);
        Assert.Equal(result.Booked.Count + 1, stored.Count);
        Assert.Equal(blocker.Id, stored.Single(b => b.SeriesId is null).Id);
    }

    [Theory, OnEveryDatabase]
    public async Task A_booking_needing_approval_waits_the_operator_is_told_and_rejection_frees_the_slot(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(approval: true);
        var member = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var op = await host.CreateAsync(HubRoles.Operator, twoFactor: false);

        var booking = await host.BookAsync(member.Id, facility.Id, host.At(43, 14), host.At(43, 15));
        Assert.Equal(BookingStatus.Pending, booking.Status);
        Assert.True(await host.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == op.Id && n.Link == "/facilities/manage")));
        await RefusedAsync("Facilities.Error.NotAllowed", () => host.DeskAsync(d => d.ApproveAsync(booking.Id, member.Id)));

        await host.DeskAsync(d => d.RejectAsync(booking.Id, "행사 준비 기간입니다", op.Id));

        Assert.Equal(BookingStatus.Rejected, (await host.BookingsOfAsync(facility.Id)).Single().Status);
        Assert.Empty(await host.ClaimsOfAsync(facility.Id));
        Assert.True(await host.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == member.Id && n.TitleKo.StartsWith("예약 반려"))));
        await host.BookAsync(member.Id, facility.Id, host.At(43, 14), host.At(43, 15));
    }

    [Theory, OnEveryDatabase]
    public async Task Someone_else_cannot_see_or_cancel_a_booking_and_an_organization_member_can(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync();
        var organization = await host.CreateOrganizationAsync();
        var booker = await host.CreateAsync(HubRoles.TenantMember, organization.Id, twoFactor: false);
        var colleague = await host.CreateAsync(HubRoles.TenantMember, organization.Id, twoFactor: false);
        var stranger = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var booking = await host.BookAsync(booker.Id, facility.Id, host.At(44, 9), host.At(44, 10));

        await RefusedAsync("Facilities.Error.NoSuchBooking", () => host.DeskAsync(d => d.CancelAsync(booking.Id, stranger.Id)));
        Assert.True(await host.DeskAsync(d => d.CancelAsync(booking.Id, colleague.Id)) is false);
        Assert.Equal(BookingStatus.Cancelled, (await host.BookingsOfAsync(facility.Id)).Single().Status);
    }
}
