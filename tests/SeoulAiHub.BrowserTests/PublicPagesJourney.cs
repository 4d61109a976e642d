using Microsoft.Playwright;

namespace SeoulAiHub.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PublicPagesJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_reads_the_home_page_in_Korean_and_switches_to_English()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("ko", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("서울AI허브", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("KAIST 김재철AI대학원", await page.Locator(".cards").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "01-home-ko");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        // The switch comes back to the same address, so the sign that the English page is here is its language.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = 60_000 });
        await page.ArriveAsync(PageArrival.Home);
        Assert.Equal("Seoul AI Hub", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("KAIST Kim Jaechul Graduate School of AI", await page.Locator(".cards").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "02-home-en");

        // The choice sticks: the next page is English too.
        await page.GotoAsync("/account/sign-in");
        Assert.Equal("Sign in", await page.Locator("h1").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a phone");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "03-home-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_users_can_skip_to_the_content_and_reach_the_sign_in_form()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("본문 바로가기", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.GetByLabel("이메일").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_Password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");   // empty form: messages, not a crash
        await page.WaitForSelectorAsync(".field-validation-error");
        Assert.Contains("항목을 입력하세요", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "04-sign-in-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_registration_and_error_pages_are_accessible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/register");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "05-register");

        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        Assert.Equal("페이지를 찾을 수 없습니다", await page.Locator("h1").InnerTextAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "06-not-found");
        await page.Context.CloseAsync();
    }
}
