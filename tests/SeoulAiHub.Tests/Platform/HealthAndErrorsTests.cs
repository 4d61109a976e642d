using SeoulAiHub.Platform.Data;
using System.Net;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

public sealed class HealthAndErrorsTests
{
    [Theory, OnEveryDatabase]
    public async Task Healthz_answers_200_when_the_database_is_reachable(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task Healthz_answers_503_and_pages_show_a_localized_error_when_the_database_is_unreachable(string provider)
    {
        await using var host = await TestHosts.StartAsync(provider);
        using var client = host.CreateHubClient();
        await host.MakeDatabaseUnreachableAsync();

        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, home.StatusCode);
        var page = await HubClient.ParseAsync(home);
        Assert.Equal("일시적인 오류가 발생했습니다", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelector("main code")!.TextContent);   // trace id for support
    }

    [Fact]
    public async Task Unknown_pages_answer_404_with_a_page_in_the_users_language()
    {
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateHubClient();

        using var korean = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, korean.StatusCode);
        Assert.Equal("페이지를 찾을 수 없습니다", (await HubClient.ParseAsync(korean)).QuerySelector("h1")?.TextContent);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var english = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal("Page not found", (await HubClient.ParseAsync(english)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateHubClient();
        using var response = await client.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateHubClient();
        using var response = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "위조 요청",
            ["Input.Email"] = "csrf@test.seoulaihub.kr",
            ["Input.Password"] = "Long-enough-password",
            ["Input.ConfirmPassword"] = "Long-enough-password",
            ["Input.Kind"] = "Learner",
            ["Input.Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await host.FindUserAsync("csrf@test.seoulaihub.kr"));
    }
}
