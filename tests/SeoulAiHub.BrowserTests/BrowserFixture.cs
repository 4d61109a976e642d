using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

/// <summary>
/// The application on a real Kestrel port (SQLite, demo hub loaded) and Debian's Chromium driven by Playwright.
/// Screenshots go to artifacts/screenshots at the repository root.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public HubAppFactory Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string ScreenshotDirectory { get; } = Path.Combine(TestPaths.RepositoryRoot(), "artifacts", "screenshots");
    public string HostLogPath { get; } = Path.Combine(TestPaths.RepositoryRoot(), "artifacts", "browser-host.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        File.Delete(HostLogPath);
        Host = new HubAppFactory(DatabaseProvider.Sqlite, services: s => s.AddLogging(l => l.AddProvider(new HostLog(HostLogPath))));
        Host.UseKestrel(0);
        Host.StartServer();
        BaseUrl = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "ko-KR", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Asia/Seoul",
        });
        // The machines are two shared cores and the first pages of a cold host are slow: a minute, not Playwright's 30 s,
        // before a wait counts as a failure (a wait that succeeds returns as soon as it can, so this costs nothing).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public static readonly Regex SignInPages = new("/account/sign-in", RegexOptions.Compiled);
    public static readonly Regex TwoFactorStep = new("/account/sign-in/two-factor", RegexOptions.Compiled);

    /// <summary>Signs in through the form by its field ids (any language), with the TOTP step when the user has one.</summary>
    public static async Task SignInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(user.Email);
        await page.Locator("#Input_Password").FillAsync(user.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        if (user.AuthenticatorKey is { } key)
        {
            await page.ArriveAsync(TwoFactorStep);
            await page.Locator("#Input_Code").FillAsync(HubClient.Totp(key));
            await page.Locator("main button[type=submit]").ClickAsync();
        }

        try
        {
            await page.LeaveAsync(SignInPages);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // Say what the page and the server said: a timeout alone does not tell a refused code from a server error.
            var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            throw new Xunit.Sdk.XunitException(
                $"Signing in {user.Email} did not finish at {page.Url}: {ex.Message}\nThe page says:\n{shown}\n" +
                $"The server's last warnings:\n{HostLog.Recent()}");
        }
    }

    /// <summary>axe-core on the current page: no serious or critical violation is allowed.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
