using System.Text.RegularExpressions;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Features.Compute.Demo;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

/// <summary>
/// Issue 7's journeys on the demo hub. A tenant asks for "a room for 12 on Thursday afternoon" in words, books the
/// boardroom (which needs approval) and an operator approves it. Another tenant asks for GPU-hours, an operator approves
/// them with a Slurm account, the tenant accepts the terms, the operator imports the cluster's accounting (twice: the
/// second import counts nothing) and the tenant sees the usage.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InfrastructureJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_tenant_finds_a_room_for_12_on_Thursday_afternoon_books_it_and_an_operator_approves()
    {
        var host = browser.Host;
        var nunbit = await host.QueryAsync(db => db.Organizations.Where(o => o.NameKo == "눈빛비전").Select(o => o.Id).SingleAsync());
        var boardroom = await host.QueryAsync(db => db.Facilities.Where(f => f.NameKo == "3층 대회의실").Select(f => f.Id).SingleAsync());
        var tenant = await host.CreateAsync(HubRoles.TenantMember, nunbit);
        var operatorUser = await host.CreateAsync(HubRoles.Operator);

        // Next week's Thursday, so the afternoon is still ahead whatever day and hour the test runs.
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, tenant);
        await desk.GotoAsync("/facilities");
        await desk.Locator("#fp-q").FillAsync("다음 주 목요일 오후 12명");
        await desk.Locator("#facility-search button[type=submit]").ClickAsync();
        await desk.Locator("#fp-results").WaitForAsync();
        var results = desk.Locator("ul.fp-results > li");
        Assert.Equal(0, await results.Filter(new() { HasText = "2층 회의실 A" }).CountAsync());   // 8 seats: too small
        var room = results.Filter(new() { HasText = "3층 대회의실" });
        await room.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(desk);
        await browser.ScreenshotAsync(desk, "70-facility-search");

        // The first free hour of the afternoon: the booking form comes filled in with the slot and the 12 people.
        await room.Locator("a.button").First.ClickAsync();
        await desk.Locator("#facility-book").WaitForAsync();
        Assert.Equal("13:00", await desk.Locator("#b-start").InputValueAsync());
        Assert.Equal("12", await desk.Locator("#b-attendees").InputValueAsync());
        var date = DateOnly.ParseExact(await desk.Locator("#b-date").InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(DayOfWeek.Thursday, date.DayOfWeek);
        await desk.Locator("#b-end").FillAsync("15:00");
        await desk.Locator("#b-purpose").FillAsync("제조 고객사 경영진 데모 / demo for a manufacturer's board");
        await BrowserFixture.AssertAccessibleAsync(desk);
        await browser.ScreenshotAsync(desk, "71-facility-book");
        await desk.Locator("#facility-book button[type=submit]").First.ClickAsync();
        await desk.ArriveAsync(new Regex("/facilities/bookings$"));

        var booking = await host.QueryAsync(db => db.Bookings
            .Where(b => b.FacilityId == boardroom && b.OrganizationId == nunbit && b.BookedBy == tenant.Id).SingleAsync());
        Assert.Equal(BookingStatus.Pending, booking.Status);
        Assert.Equal(Grid.At(date, new TimeOnly(13, 0)), booking.StartsAt);
        Assert.Equal(Grid.At(date, new TimeOnly(15, 0)), booking.EndsAt);
        Assert.Contains("승인 대기", await desk.Locator($"#booking-{booking.Id}").InnerTextAsync());
        await browser.ScreenshotAsync(desk, "72-facility-bookings-pending");

        // The operator sees it among the approvals and approves it.
        var office = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(office, operatorUser);
        await office.GotoAsync("/facilities/manage");
        var pending = office.Locator($"#pending-{booking.Id}");
        Assert.Contains("3층 대회의실", await pending.InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "73-facility-approvals");
        await pending.Locator("form[action*='Approve'] button").ClickAsync();
        await office.Locator($"#pending-{booking.Id}").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(BookingStatus.Confirmed, await host.QueryAsync(db => db.Bookings.Where(b => b.Id == booking.Id)
            .Select(b => b.Status).SingleAsync()));

        // The tenant's list now says confirmed.
        await desk.ReloadAsync();
        Assert.Contains("확정", await desk.Locator($"#booking-{booking.Id}").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(desk);
        await browser.ScreenshotAsync(desk, "74-facility-bookings-confirmed");

        await desk.Context.CloseAsync();
        await office.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tenant_accepts_the_GPU_terms_and_sees_its_usage_after_an_import()
    {
        var host = browser.Host;
        var medicore = await host.QueryAsync(db => db.Organizations.Where(o => o.NameKo == "메디코어AI").Select(o => o.Id).SingleAsync());
        var tenant = await host.CreateAsync(HubRoles.TenantMember, medicore);
        var operatorUser = await host.CreateAsync(HubRoles.Operator);
        var today = Kst.Today(TimeProvider.System);
        const string account = "medicore-h100";

        // The tenant asks for 1,000 GPU-hours from a week ago (the work has started on the shared partition).
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, tenant);
        await desk.GotoAsync("/compute");
        await desk.Locator("#rq-hours").FillAsync("1000");
        await desk.Locator("#rq-from").FillAsync(Iso(today.AddDays(-7)));
        await desk.Locator("#rq-to").FillAsync(Iso(today.AddDays(60)));
        await desk.Locator("#rq-why").FillAsync("흉부 X선 판독 보조 모델의 다기관 데이터 재학습 (H100 4–8장, 2개월).");
        await desk.Locator("#request-form button[type=submit]").ClickAsync();
        await desk.ArriveAsync(new Regex("/compute/allocations/[^/]+$"));
        var allocationId = Guid.Parse(desk.Url.Split('/').Last().Split('?', '#')[0]);

        // The operator approves it with the organization's Slurm account and the hub's standard terms.
        var office = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(office, operatorUser);
        await office.GotoAsync($"/compute/allocations/{allocationId}");
        await office.Locator("#ap-account").FillAsync(account);
        if (string.IsNullOrWhiteSpace(await office.Locator("#ap-terms").InputValueAsync()))
        {
            await office.Locator("#ap-terms").FillAsync(AllocationService.DefaultTerms);
        }

        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "75-gpu-approve");
        await office.Locator("#approve-form button[type=submit]").ClickAsync();
        await office.Locator("#allocation-status").GetByText("승인(약관 동의 대기)").WaitForAsync();

        // The tenant reads the terms and accepts them: the allocation is active.
        await desk.ReloadAsync();
        await desk.Locator("#accept-terms").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(desk);
        await browser.ScreenshotAsync(desk, "76-gpu-terms");
        await desk.Locator("#accept-terms button[type=submit]").ClickAsync();
        await desk.Locator("#terms-accepted").WaitForAsync();
        Assert.Equal("사용 중", (await desk.Locator("#allocation-status").InnerTextAsync()).Trim());

        // The operator uploads yesterday's accounting: two GPU jobs (4 GPUs × 10 h, 8 GPUs × 5 h = 80 GPU-hours), a job
        // step that must not count twice, and a broken line that is reported.
        var file = Sacct(today.AddDays(-1), account);
        await office.GotoAsync("/compute/manage");
        await office.Locator("#up-file").SetInputFilesAsync(new FilePayload { Name = "sacct-medicore.txt",
            MimeType = "text/plain", Buffer = file });
        await office.Locator("#upload-form button[type=submit]").ClickAsync();
        await office.Locator("#import-report").WaitForAsync();
        Assert.Equal("2", (await office.Locator("#report-accepted").InnerTextAsync()).Split(' ')[0]);
        Assert.Equal("1", (await office.Locator("#report-rejected").InnerTextAsync()).Trim());
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "77-gpu-import-report");

        // The same file again: accepted, but nothing new.
        await office.Locator("#up-file").SetInputFilesAsync(new FilePayload { Name = "sacct-medicore.txt",
            MimeType = "text/plain", Buffer = file });
        await office.Locator("#upload-form button[type=submit]").ClickAsync();
        await office.Locator("#import-report").WaitForAsync();
        Assert.Contains("새 작업 0", await office.Locator("#report-accepted").InnerTextAsync());

        // The tenant sees 80 of 1,000 GPU-hours used, by month and by user.
        await desk.ReloadAsync();
        Assert.Contains("80 / 1,000", await desk.Locator(".cp-usage-text").InnerTextAsync());
        await desk.Locator("#usage-users").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(desk);
        await browser.ScreenshotAsync(desk, "78-gpu-usage");
        Assert.Equal(80 * 3600L, await host.QueryAsync(db => db.GpuAllocations.Where(a => a.Id == allocationId)
            .Select(a => a.UsedGpuSeconds).SingleAsync()));

        await desk.Context.CloseAsync();
        await office.Context.CloseAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Sacct(DateOnly day, string account)
    {
        var nine = day.ToDateTime(new TimeOnly(9, 0));
        var text = new StringBuilder(SyntheticCompute.Header).Append('\n')
            .Append(SyntheticCompute.Line("7700001", "h100", account, "medicore-u1", "COMPLETED", nine, 10 * 3600, SyntheticCompute.H100(4),
                "cxr-pretrain")).Append('\n')
            .Append(SyntheticCompute.Line("7700001.batch", "", account, "", "COMPLETED", nine, 10 * 3600, SyntheticCompute.H100(4),
                "batch")).Append('\n')
            .Append(SyntheticCompute.Line("7700002", "h100", account, "medicore-u2", "TIMEOUT", nine.AddHours(1), 5 * 3600,
                SyntheticCompute.H100(8), "cxr-finetune")).Append('\n')
            .Append("7700003|7700003|seoulaihub|h100|").Append(account).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
