using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DirectoryJourney(BrowserFixture browser)
{
    private static async Task SignInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("이메일").FillAsync(user.Email);
        await page.GetByLabel("비밀번호").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        if (user.AuthenticatorKey is { } key)
        {
            await page.ArriveAsync(BrowserFixture.TwoFactorStep);
            await page.GetByLabel("인증 코드").FillAsync(HubClient.Totp(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "확인" }).ClickAsync();
        }

        await page.LeaveAsync(BrowserFixture.SignInPages);
    }

    [Fact]
    public async Task An_operator_registers_and_admits_a_startup_gives_it_an_office_and_the_public_directory_shows_it()
    {
        var operatorUser = await browser.Host.CreateAsync(HubRoles.Operator);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, operatorUser);

        await page.GotoAsync("/directory");
        await page.GetByRole(AriaRole.Link, new() { Name = "새 기관 등록" }).ClickAsync();
        await page.GetByLabel("기관명 (국문)").FillAsync("하늘결AI");
        await page.GetByLabel("기관명 (영문)").FillAsync("Haneulgyeol AI");
        await page.GetByLabel("기관 유형").SelectOptionAsync("Startup");
        await page.GetByLabel("사업자등록번호").FillAsync("107-86-14075");
        await page.GetByLabel("한 줄 소개").FillAsync("위성 영상으로 도시 열섬을 찾는 스타트업");
        await page.GetByLabel("비전 AI").CheckAsync();
        await page.GetByLabel("공공", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await page.WaitForSelectorAsync("text=저장했습니다.");

        await page.GetByRole(AriaRole.Link, new() { Name = "입주 관리" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "입주 신청 등록" }).ClickAsync();
        await page.GetByLabel("종료 예정일").FillAsync("2028-11-24");
        await page.GetByRole(AriaRole.Button, new() { Name = "입주 승인" }).ClickAsync();
        var room = await browser.Host.QueryAsync(db => db.Rooms.Where(r => r.Number == "B106").Select(r => r.Id).SingleAsync());
        await page.Locator("#assign-room").SelectOptionAsync(room.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "공간 배정" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "입주 시작" }).ClickAsync();
        await page.WaitForSelectorAsync("text=진행 중인 입주 — 입주 중");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "20-tenancy");

        // Anyone can now find it, by part of its Korean name, as a resident.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/directory");
        await visitor.GetByLabel("기관명 (국문 또는 영문, 일부만 입력해도 됩니다)").FillAsync("하늘결");
        await visitor.GetByLabel("입주 상태").SelectOptionAsync("Resident");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "검색" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "하늘결AI" }).WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await browser.ScreenshotAsync(visitor, "21-directory-search");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "하늘결AI" }).ClickAsync();
        Assert.Contains("107-86-14075", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("B106", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await browser.ScreenshotAsync(visitor, "22-public-profile");

        await page.GotoAsync("/spaces/occupancy");
        await page.GetByLabel("거점").SelectOptionAsync(new SelectOptionValue { Label = "양재 AI 특화지구 창업센터" });
        await page.GetByRole(AriaRole.Button, new() { Name = "검색" }).ClickAsync();
        Assert.Contains("하늘결AI", await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "23-occupancy-district");
        await page.GotoAsync("/spaces/occupancy");
        await browser.ScreenshotAsync(page, "24-occupancy-hub");
        await page.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tenant_admin_edits_the_profile_in_Markdown()
    {
        var organizationId = await browser.Host.QueryAsync(db => db.Organizations.Where(o => o.NameKo == "눈빛비전")
            .Select(o => o.Id).SingleAsync());
        var admin = await browser.Host.CreateAsync(HubRoles.TenantMember, organizationId, membershipRole: MembershipRole.Admin);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, admin);

        await page.GotoAsync($"/organizations/{organizationId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "기관 정보 수정" }).ClickAsync();
        Assert.Equal(0, await page.GetByLabel("사업자등록번호").CountAsync());
        await page.GetByLabel("임직원 수").FillAsync("31");
        await page.GetByLabel("소개", new() { Exact = true }).FillAsync("## 눈빛비전\n\n**제조 라인 비전 검사** 전문 기업입니다.\n\n- 불량 검출\n- 공정 모니터링");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "25-profile-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await page.WaitForSelectorAsync("text=저장했습니다.");
        Assert.Equal("제조 라인 비전 검사", await page.Locator(".description strong").InnerTextAsync());
        Assert.Contains("31", await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "26-profile-after-edit");
        await page.Context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class OperatorPagesJourney(BrowserFixture browser)
{
    [Fact]
    public async Task The_operator_tools_are_accessible_in_both_languages()
    {
        var operatorUser = await browser.Host.CreateAsync(HubRoles.Operator);
        foreach (var (locale, suffix) in new[] { ("ko-KR", "ko"), ("en-US", "en") })
        {
            var page = await browser.NewPageAsync(locale: locale);
            await BrowserFixture.SignInAsync(page, operatorUser);

            foreach (var (path, name) in new[] { ("/admin/spaces", "30-spaces"), ("/admin/taxonomies", "31-taxonomies"),
                ("/admin/organizations/import", "32-import"), ("/directory", "33-directory-operator") })
            {
                await page.GotoAsync(path);
                await BrowserFixture.AssertAccessibleAsync(page);
                await browser.ScreenshotAsync(page, $"{name}-{suffix}");
            }

            await page.Context.CloseAsync();
        }
    }
}
