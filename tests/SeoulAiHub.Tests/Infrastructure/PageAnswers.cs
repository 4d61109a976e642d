using System.Net;
using AngleSharp.Dom;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>What a page answered a post: itself again (with a message), a redirect, or a refusal.</summary>
public static class PageAnswers
{
    public static async Task<IDocument> PageOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"expected the page again, got {(int)response.StatusCode} {response.Headers.Location}");
        return await HubClient.ParseAsync(response);
    }

    /// <summary>The page answered again with the message in its error summary.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        using (response)
        {
            var page = await PageOfAsync(response);
            Assert.Contains(message, page.QuerySelector(".alert.error")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    public static void AssertRedirect(HttpResponseMessage response, string to)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    /// <summary>A redirect to the page, whichever of its sections (<c>#…</c>) it scrolls to.</summary>
    public static void AssertRedirectToPage(HttpResponseMessage response, string to)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal(to, response.Headers.Location!.OriginalString.Split('#')[0]);
    }

    /// <summary>Refused: 403, or the access-denied page the cookie scheme redirects to.</summary>
    public static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden ||
                    (response.StatusCode == HttpStatusCode.Redirect &&
                     response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
}
