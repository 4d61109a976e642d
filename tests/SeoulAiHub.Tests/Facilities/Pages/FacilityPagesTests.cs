using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Facilities.Services;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Pages;

public sealed class FacilityPagesTests
{
    [Theory, OnEveryDatabase]
    public async Task A_tenant_finds_a_room_by_phrase_books_it_sees_it_and_a_second_try_offers_the_waitlist(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var name = $"페이지 회의실 {Guid.NewGuid():N}"[..16];
        var facility = await host.CreateFacilityAsync(capacity: 12, name: name);
        var organization = await host.CreateOrganizationAsync();
        using var tenant = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        using var colleague = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        var date = Grid.KstDate(host.At(63, 0)).ToString("yyyy-MM-dd");

        var search = await tenant.GetDocumentAsync($"/facilities?q={Uri.EscapeDataString("오후 12명")}&date={date}");
        var result = search.QuerySelectorAll(".fp-results > li").Single(li => li.QuerySelector("h3")!.TextContent.Trim() == name);
        var link = result.QuerySelector("a.button")!.GetAttribute("href")!;
        Assert.Contains("start=" + Uri.EscapeDataString(date + "T13:00"), link, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Input.Date"] = date, ["Input.Start"] = "13:00", ["Input.End"] = "14:00",
            ["Input.Purpose"] = "투자 설명회 준비" };
        var booked = await tenant.SubmitFormAsync(link, fields);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal("/facilities/bookings", booked.Headers.Location?.OriginalString);
        var mine = await tenant.GetDocumentAsync("/facilities/bookings");
        Assert.Contains("투자 설명회 준비", mine.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var refused = await colleague.SubmitFormAsync(link, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HubClient.ParseAsync(refused);
        Assert.Contains("이미 예약된 시간입니다", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("button[formaction='?handler=Waitlist']"));

        var bad = await tenant.SubmitFormAsync(link, new Dictionary<string, string>(fields) { ["Input.Date"] = "2026-13-45" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Single(await host.BookingsOfAsync(facility.Id));
    }

    [Theory, OnEveryDatabase]
    public async Task A_member_of_the_public_does_not_find_or_open_a_tenants_only_room(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(Audience.Tenants);
        using var learner = await host.ClientAsync(HubRoles.Learner);
        var date = Grid.KstDate(host.At(64, 0)).ToString("yyyy-MM-dd");

        var search = await learner.GetDocumentAsync($"/facilities?date={date}");
        Assert.DoesNotContain(search.QuerySelectorAll(".fp-results a"), a => a.GetAttribute("href") == $"/facilities/{facility.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/facilities/{facility.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/facilities/book?facility={facility.Id}")).StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task An_operator_approves_from_the_queue_and_the_report_is_for_oversight_only(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(approval: true);
        var member = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        var booking = await host.BookAsync(member.Id, facility.Id, host.At(65, 10), host.At(65, 12));
        using var op = await host.ClientAsync(HubRoles.Operator);

        var approved = await op.SubmitFormAsync("/facilities/manage", new Dictionary<string, string>(),
            $"#pending-{booking.Id} form[action*='Approve']");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, (await host.BookingsOfAsync(facility.Id)).Single().Status);

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        var report = await overseer.GetDocumentAsync("/facilities/report");
        Assert.NotNull(report.QuerySelector("svg[role=img]"));
        Assert.NotNull(report.QuerySelector("#fp-utilization th[scope=row]"));
        using var tenant = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        foreach (var url in new[] { "/facilities/report", "/facilities/manage" })
        {
            var denied = await tenant.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task An_operator_creates_a_facility_and_uploads_the_published_holiday_calendar(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var op = await host.ClientAsync(HubRoles.Operator);
        var name = $"새 강의실 {Guid.NewGuid():N}"[..14];
        var site = await host.QueryAsync(db => db.Sites.OrderBy(s => s.NameKo).Select(s => s.Id).FirstAsync());

        var created = await op.SubmitFormAsync("/facilities/manage/facility", new Dictionary<string, string>
        {
            ["Input.NameKo"] = name, ["Input.NameEn"] = "New classroom", ["Input.Kind"] = "Classroom", ["Input.SiteId"] = site.ToString(),
            ["Input.OpensAt"] = "09:00", ["Input.ClosesAt"] = "18:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await host.QueryAsync(db => db.Facilities.AnyAsync(f => f.NameKo == name && f.Kind == FacilityKind.Classroom)));

        var page = await op.GetDocumentAsync("/facilities/manage");
        var form = page.QuerySelector("#holiday-upload")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
                "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.Sample("ics-holidays-kr-2026.ics"))), "file", "2026.ics" },
        };
        var uploaded = await op.Http.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(22, await host.QueryAsync(db => db.PublicHolidays.CountAsync(h => h.Date.Year == 2026)));
    }
}
