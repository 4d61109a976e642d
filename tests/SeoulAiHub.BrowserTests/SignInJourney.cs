using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourney(BrowserFixture browser)
{
    private static readonly string[] Loopback = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByLabel("비밀번호").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
    }

    [Fact]
    public async Task A_tenant_member_signs_in_sees_their_organization_and_signs_out()
    {
        var organization = await browser.Host.CreateOrganizationAsync("브라우저시험랩스");
        var member = await browser.Host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var page = await browser.NewPageAsync();

        await SignInAsync(page, member.Email, member.Password);
        await page.ArriveAsync(PageArrival.Home);
        await page.GetByRole(AriaRole.Link, new() { Name = member.Email }).ClickAsync();
        await page.ArriveAsync(new Regex("/account$"));
        Assert.Contains("입주기관 구성원", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "10-account");

        await page.GetByRole(AriaRole.Link, new() { Name = "브라우저시험랩스" }).ClickAsync();
        await page.ArriveAsync(new Regex($"/organizations/{organization.Id}/members$"));
        Assert.Contains(member.Email, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "11-members");

        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await page.ArriveAsync(PageArrival.Home);
        Assert.Equal(1, await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "로그인" }).CountAsync());

        // Over real TCP the audit log knows where the sign-in came from.
        var from = await browser.Host.QueryAsync(db => db.AuditEntries
            .Where(e => e.ActorId == member.Id && e.Action == "sign-in.succeeded").Select(e => e.IpAddress).SingleAsync());
        Assert.Contains(from, Loopback);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_operator_sets_up_two_factor_in_English_and_reaches_the_operator_pages()
    {
        var operatorUser = await browser.Host.CreateAsync(HubRoles.Operator, twoFactor: false);
        var page = await browser.NewPageAsync(locale: "en-US");

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(operatorUser.Email);
        await page.GetByLabel("Password").FillAsync(operatorUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Operators must use a second factor: every page leads to its set-up until it is on.
        await page.ArriveAsync(new Regex("/account/two-factor$"));
        await page.GotoAsync("/admin/users");
        await page.ArriveAsync(new Regex("/account/two-factor$"));
        Assert.Contains("must set up two-factor", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "12-two-factor-setup");

        var key = (await page.Locator("[data-testid=shared-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        await page.GetByLabel("Code").FillAsync(HubClient.Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=recovery-codes]");
        Assert.Equal(10, await page.Locator("[data-testid=recovery-codes] li").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.ArriveAsync(new Regex("/admin/users$"));
        Assert.Contains(operatorUser.Email, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "13-admin-users");

        await page.GetByRole(AriaRole.Link, new() { Name = "Membership approvals" }).ClickAsync();
        Assert.Contains("pending@demo.seoulaihub.kr", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "14-memberships");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        Assert.Contains("two-factor.enabled", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "15-audit");
        await page.Context.CloseAsync();
    }
}
