using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class InvitationTests
{
    [Theory, OnEveryDatabase]
    public async Task An_organization_admin_invites_by_email_and_the_invitee_joins_once(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var organizationAdmin = await host.CreateAsync(HubRoles.TenantMember, organization.Id, membershipRole: MembershipRole.Admin);
        using var admin = await host.SignedInClientAsync(organizationAdmin);
        var invitee = await host.CreateAsync(null);

        using var sent = await admin.SubmitFormAsync($"/organizations/{organization.Id}/members",
            new Dictionary<string, string> { ["InviteEmail"] = invitee.Email, ["InviteRole"] = "Member" },
            "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await host.LatestOutboxMessageAsync(invitee.Email);
        var link = Mailbox.LinkIn(mail!.TextBody, $"/invitations/{mail.TextBody.Split("/invitations/")[1][..36]}");

        using var stranger = await host.ClientAsync(HubRoles.Learner);
        Assert.Contains("그 주소로 로그인해 주세요", (await stranger.GetDocumentAsync(link)).QuerySelector("main")!.TextContent,
            StringComparison.Ordinal);

        using var client = await host.SignedInClientAsync(invitee);
        using var accepted = await client.SubmitFormAsync(link, new Dictionary<string, string>());
        Assert.Contains("구성원이 되었습니다", (await HubClient.ParseAsync(accepted)).QuerySelector("[role=status]")!.TextContent,
            StringComparison.Ordinal);
        var membership = await host.QueryAsync(db => db.OrganizationMemberships.SingleAsync(m => m.UserId == invitee.Id));
        Assert.Equal((organization.Id, MembershipStatus.Active, MembershipRole.Member),
            (membership.OrganizationId, membership.Status, membership.Role));
        Assert.Contains(HubRoles.TenantMember, await host.RolesOfAsync(invitee.Id));
        using var members = await client.GetAsync($"/organizations/{organization.Id}/members");
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);   // the new role works in the same session

        Assert.Contains("이미 사용되었습니다", (await client.GetDocumentAsync(link)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task A_forged_token_or_a_plain_member_cannot_use_invitations(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);   // not an admin
        var token = await member.TokenAsync("/account");
        using var refused = await member.PostFormAsync($"/organizations/{organization.Id}/members?handler=Invite",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["InviteEmail"] = "x@test.kr",
                ["InviteRole"] = "Admin" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(await host.QueryAsync(db => db.OrganizationInvitations.AnyAsync(i => i.OrganizationId == organization.Id)));

        using var anonymous = host.CreateHubClient();
        var page = await anonymous.GetDocumentAsync($"/invitations/{Guid.NewGuid()}?token=forged");
        Assert.Contains("올바르지 않거나", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
