using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Account;

public sealed class SignInTests
{
    [Theory, OnEveryDatabase]
    public async Task A_member_signs_in_with_email_and_password_and_the_attempt_is_audited(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();

        await client.SignInAsync(user);

        var account = await client.GetDocumentAsync("/account");
        Assert.Contains(user.Email, account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var actions = await host.QueryAsync(db => db.AuditEntries.Where(e => e.ActorId == user.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("sign-in.succeeded", actions);
    }

    [Theory, OnEveryDatabase]
    public async Task A_wrong_password_is_refused_with_a_message_and_audited(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();

        using var response = await client.SubmitSignInAsync(user.Email, "wrong-password-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HubClient.ParseAsync(response);
        Assert.Contains("이메일 또는 비밀번호가 올바르지 않습니다", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var failures = await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == user.Id && e.Action == "sign-in.failed"));
        Assert.Equal(1, failures);
    }

    [Theory, OnEveryDatabase]
    public async Task Five_failures_lock_the_account_so_the_sixth_attempt_fails_even_with_the_right_password(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();

        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await client.SubmitSignInAsync(user.Email, $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var sixth = await client.SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        var page = await HubClient.ParseAsync(sixth);
        Assert.Contains("계정이 잠시 잠겼습니다", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var stored = await host.FindUserAsync(user.Email);
        Assert.True(stored!.LockoutEnd > DateTimeOffset.UtcNow);
        var audit = await host.QueryAsync(db => db.AuditEntries.Where(e => e.ActorId == user.Id && e.Action.StartsWith("sign-in."))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["sign-in.failed", "sign-in.failed", "sign-in.failed", "sign-in.failed", "sign-in.locked-out", "sign-in.locked-out"],
            audit);
    }

    [Theory, OnEveryDatabase]
    public async Task An_unconfirmed_email_cannot_sign_in(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(HubRoles.Learner, confirmed: false);
        using var client = host.CreateHubClient();

        using var response = await client.SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("이메일 인증", (await HubClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task Signing_out_ends_the_session(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();
        await client.SignInAsync(user);

        using var signOut = await client.SubmitFormAsync("/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var account = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", account.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_outside_the_site_is_ignored()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();
        using var response = await client.SubmitFormAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
