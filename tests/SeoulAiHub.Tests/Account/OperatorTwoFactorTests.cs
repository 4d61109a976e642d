using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Account;

public sealed class OperatorTwoFactorTests
{
    [Theory, OnEveryDatabase]
    public async Task An_operator_without_two_factor_must_set_it_up_before_working(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var operatorUser = await host.CreateAsync(HubRoles.Operator, twoFactor: false);
        using var client = host.CreateHubClient();
        await client.SignInAsync(operatorUser);

        using var blocked = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/two-factor", blocked.Headers.Location!.OriginalString);
        using var blockedApi = await client.GetAsync("/api/account/me");
        Assert.Equal(HttpStatusCode.Forbidden, blockedApi.StatusCode);

        var setup = await client.GetDocumentAsync("/account/two-factor");
        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        Assert.NotNull(setup.QuerySelector("img[alt][src^='data:image/png']"));

        using var wrong = await client.SubmitFormAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("올바르지 않거나", (await HubClient.ParseAsync(wrong)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var enabled = await client.SubmitFormAsync("/account/two-factor",
            new Dictionary<string, string> { ["Input.Code"] = HubClient.Totp(key) });
        var codes = (await HubClient.ParseAsync(enabled)).QuerySelectorAll("[data-testid=recovery-codes] li")
            .Select(li => li.TextContent).ToList();
        Assert.Equal(10, codes.Count);

        using var working = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);

        // Next time the second factor is asked for at sign-in; a recovery code works once.
        using var fresh = host.CreateHubClient();
        using var first = await fresh.SubmitSignInAsync(operatorUser.Email, operatorUser.Password);
        Assert.StartsWith("/account/sign-in/two-factor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var recovered = await fresh.SubmitFormAsync(first.Headers.Location.OriginalString,
            new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        using var admin = await fresh.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task An_operator_cannot_turn_two_factor_off_while_it_is_required()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = await host.ClientAsync(HubRoles.Operator);
        var page = await client.GetDocumentAsync("/account/two-factor");
        Assert.Null(page.QuerySelector("form[action*='Disable']"));
        using var response = await client.PostFormAsync("/account/two-factor?handler=Disable", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await client.GetDocumentAsync("/account"))
                .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Contains("반드시 사용해야", (await HubClient.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
