using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Account;

public sealed class RegistrationTests
{
    private static Dictionary<string, string> Form(string email, string kind = HubRoles.Learner, string? organization = null,
        string password = "Seoul-AI-2026!") => new()
    {
        ["Input.DisplayName"] = "가입 시험 (가상)",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.Kind"] = kind,
        ["Input.OrganizationName"] = organization ?? "",
        ["Input.Consent"] = "true",
    };

    private static string NewEmail() => $"new-{Guid.NewGuid():N}@test.seoulaihub.kr";

    [Theory, OnEveryDatabase]
    public async Task A_learner_registers_confirms_the_email_and_signs_in(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();
        var email = NewEmail();

        using var registered = await client.SubmitFormAsync("/account/register", Form(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/check-email", registered.Headers.Location!.OriginalString);

        // Not before the email is confirmed.
        using var early = await client.SubmitSignInAsync(email, "Seoul-AI-2026!");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);

        var mail = await host.LatestOutboxMessageAsync(email);
        Assert.NotNull(mail);
        var confirm = await client.GetDocumentAsync(Mailbox.LinkIn(mail.TextBody, "/account/confirm-email"));
        Assert.Contains("인증되었습니다", confirm.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        using var signIn = await client.SubmitSignInAsync(email, "Seoul-AI-2026!");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var user = await host.FindUserAsync(email);
        Assert.True(user!.EmailConfirmed);
        Assert.Equal([HubRoles.Learner], await host.RolesOfAsync(user.Id));
    }

    [Theory, OnEveryDatabase]
    public async Task An_organization_member_waits_for_an_operator_to_approve_the_membership(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        using var visitor = host.CreateHubClient();
        var email = NewEmail();

        using var registered = await visitor.SubmitFormAsync("/account/register",
            Form(email, HubRoles.TenantMember, organization.NameEn.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var user = await host.FindUserAsync(email);
        var membership = await host.QueryAsync(db => db.OrganizationMemberships.SingleAsync(m => m.UserId == user!.Id));
        Assert.Equal(MembershipStatus.Pending, membership.Status);
        Assert.Equal(organization.Id, membership.OrganizationId);

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        var pending = await operatorClient.GetDocumentAsync("/admin/memberships");
        Assert.Contains(email, pending.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        using var approved = await operatorClient.PostFormAsync($"/admin/memberships?handler=Approve&id={membership.Id}",
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = pending.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var after = await host.QueryAsync(db => db.OrganizationMemberships.SingleAsync(m => m.Id == membership.Id));
        Assert.Equal(MembershipStatus.Active, after.Status);
        Assert.Equal([HubRoles.TenantMember], await host.RolesOfAsync(user!.Id));
    }

    [Theory, OnEveryDatabase]
    public async Task Bad_registrations_show_messages_and_create_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();

        async Task Refused(Dictionary<string, string> form, string message)
        {
            using var response = await client.SubmitFormAsync("/account/register", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await HubClient.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Null(await host.FindUserAsync(form["Input.Email"]));
        }

        await Refused(Form(NewEmail(), password: "short1"), "10자 이상");
        await Refused(Form(NewEmail(), password: "abcdefghi"), "10자 이상");
        await Refused(Form(NewEmail(), HubRoles.TenantMember, "없는 기관 이름"), "그런 이름의 기관이 없습니다");
        await Refused(Form(NewEmail(), HubRoles.Operator), "입력값이 올바르지 않습니다");
        var noConsent = Form(NewEmail());
        noConsent["Input.Consent"] = "false";
        await Refused(noConsent, "동의해야");
        await Refused(Form("not-an-email"), "올바른 이메일 주소");
    }

    [Theory, OnEveryDatabase]
    public async Task Registering_an_existing_email_is_refused(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var existing = await host.CreateAsync(HubRoles.Learner);
        using var client = host.CreateHubClient();
        using var response = await client.SubmitFormAsync("/account/register", Form(existing.Email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("이미 가입된 이메일", (await HubClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
    }
}
