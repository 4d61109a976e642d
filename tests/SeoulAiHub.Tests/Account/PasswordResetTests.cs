using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Account;

[Collection(TestSmtpServer.Collection)]
public sealed class PasswordResetTests
{
    [Theory, OnEveryDatabase]
    public async Task A_reset_link_sent_over_SMTP_sets_a_new_password_and_lifts_a_lockout(string provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host =
            await TestHosts.StartAsync(provider, new Dictionary<string, string?> { ["Smtp:Port"] = smtp.Port.ToString() });
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.SubmitSignInAsync(user.Email, "wrong-password-x")).Dispose();
        }

        using var asked = await client.SubmitFormAsync("/account/forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = user.Email });
        Assert.Contains("재설정 링크를 보냈습니다", (await HubClient.ParseAsync(asked)).QuerySelector("[role=status]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(1, await host.DeliverOutboxAsync());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal(user.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains("비밀번호 재설정", mail.Subject, StringComparison.Ordinal);
        using var reset = await client.SubmitFormAsync(Mailbox.LinkIn(mail.TextBody ?? "", "/account/reset-password"),
            new Dictionary<string, string>
        {
            ["Input.Password"] = "New-Password-2026",
            ["Input.ConfirmPassword"] = "New-Password-2026",
        });
        Assert.Contains("비밀번호를 바꾸었습니다", (await HubClient.ParseAsync(reset)).QuerySelector("[role=status]")!.TextContent,
            StringComparison.Ordinal);

        await client.SignInAsync(user with { Password = "New-Password-2026" });
        var sent = await host.LatestOutboxMessageAsync(user.Email);
        Assert.NotNull(sent!.SentAt);
        Assert.Empty(sent.TextBody);   // the one-time link is not kept after delivery
    }

    [Theory, OnEveryDatabase]
    public async Task Asking_for_an_unknown_address_looks_the_same_and_sends_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();
        var email = $"nobody-{Guid.NewGuid():N}@test.seoulaihub.kr";
        using var asked = await client.SubmitFormAsync("/account/forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Contains("재설정 링크를 보냈습니다", (await HubClient.ParseAsync(asked)).QuerySelector("[role=status]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Null(await host.LatestOutboxMessageAsync(email));
    }

    [Fact]
    public async Task A_forged_reset_code_is_refused()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();
        using var reset = await client.SubmitFormAsync($"/account/reset-password?email={Uri.EscapeDataString(user.Email)}&code=Zm9yZ2Vk",
            new Dictionary<string, string>
        {
            ["Input.Password"] = "New-Password-2026",
            ["Input.ConfirmPassword"] = "New-Password-2026",
        });
        Assert.Contains("올바르지 않거나 만료", (await HubClient.ParseAsync(reset)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        await client.SignInAsync(user);   // the old password still works
    }
}
