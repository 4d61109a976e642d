using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SeoulAiHub.BrowserTests;

/// <summary>
/// Waiting for a page to get somewhere after a click. Not <c>IPage.WaitForURLAsync</c>: in playwright-dotnet it looks
/// at the address, then subscribes to the load event, and an event delivered between the two is lost for good
/// (microsoft/playwright-dotnet#3364). It once failed CI after a sign-in: "/" had loaded, the wait kept waiting.
/// <c>Expect(page).ToHaveURLAsync</c> asks again until the address matches, so it cannot miss the change, and the load
/// state is then awaited in short turns: a state that arrived meanwhile is recorded, and the next turn finds it.
/// </summary>
public static class PageArrival
{
    private const float Patience = 60_000;   // the same minute as BrowserFixture's other waits
    private static readonly TimeSpan Turn = TimeSpan.FromSeconds(1);

    /// <summary>The address of the home page, whatever the host and port.</summary>
    public static readonly Regex Home = new(@"^https?://[^/]+/$", RegexOptions.Compiled);

    /// <summary>Waits until the page's address matches <paramref name="url"/> and that page has loaded.</summary>
    public static async Task ArriveAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Patience });
        await LoadedAsync(page);
    }

    /// <summary>Waits until the page's address no longer matches <paramref name="url"/> and the new page has loaded.</summary>
    public static async Task LeaveAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).Not.ToHaveURLAsync(url, new() { Timeout = Patience });
        await LoadedAsync(page);
    }

    private static async Task LoadedAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Patience);
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = (float)Turn.TotalMilliseconds });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Not loaded yet, or the event came between the look and the subscription: look again.
            }
        }
    }
}
