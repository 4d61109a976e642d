using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class ProfileEditTests
{
    private static Dictionary<string, string> Form(string nameKo, string extraKey = "", string extraValue = "") => new()
    {
        ["Input.NameKo"] = nameKo,
        ["Input.NameEn"] = "Edited Labs",
        ["Input.Summary"] = "수정한 소개",
        ["Input.Headcount"] = "42",
        ["Input.Website"] = "https://edited.example.kr",
        ["Input.Domains"] = "vision",
        [extraKey.Length == 0 ? "Input.Industries" : extraKey] = extraKey.Length == 0 ? "healthcare" : extraValue,
    };

    [Theory, OnEveryDatabase]
    public async Task An_organization_admin_edits_the_profile_but_not_its_type_or_registration_number(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var admin = await host.CreateAsync(HubRoles.TenantMember, organization.Id, membershipRole: MembershipRole.Admin);
        using var client = await host.SignedInClientAsync(admin);

        var page = await client.GetDocumentAsync($"/organizations/{organization.Id}/edit");
        Assert.Null(page.QuerySelector("[name='Input.Type']"));
        Assert.Null(page.QuerySelector("[name='Input.BusinessRegistrationNumber']"));

        var form = Form("수정된랩스");
        form["Input.Type"] = "Military";                           // smuggled: ignored
        form["Input.BusinessRegistrationNumber"] = "124-81-00998";  // smuggled: ignored
        using var saved = await client.SubmitFormAsync($"/organizations/{organization.Id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = await host.QueryAsync(db => db.Organizations.Include(o => o.Domains).Include(o => o.Industries)
            .SingleAsync(o => o.Id == organization.Id));
        Assert.Equal(("수정된랩스", 42, OrganizationType.Startup, (string?)null),
            (stored.NameKo, stored.Headcount!.Value, stored.Type, stored.BusinessRegistrationNumber));
        Assert.Equal(["vision"], stored.Domains.Select(d => d.Code));
        Assert.Equal(["healthcare"], stored.Industries.Select(d => d.Code));
        var profile = await client.GetDocumentAsync($"/organizations/{organization.Id}");
        Assert.Contains("저장했습니다", profile.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task Plain_members_and_other_organizations_cannot_edit(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);   // Member, not Admin
        using var outsider = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        using var overseer = await host.ClientAsync(HubRoles.Overseer);

        foreach (var client in new[] { member, outsider, overseer })
        {
            using var get = await client.GetAsync($"/organizations/{organization.Id}/edit");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            var token = await client.TokenAsync("/account");
            var form = Form("탈취");
            form["__RequestVerificationToken"] = token;
            using var post = await client.PostFormAsync($"/organizations/{organization.Id}/edit", form);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(organization.NameKo, await host.QueryAsync(db => db.Organizations.Where(o => o.Id == organization.Id)
            .Select(o => o.NameKo).SingleAsync()));
    }

    [Theory, OnEveryDatabase]
    public async Task An_operator_creates_an_organization_and_bad_input_is_shown_on_the_form(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);

        var bad = Form("번호오류");
        bad["Input.BusinessRegistrationNumber"] = "123-45-67890";
        bad["Input.Website"] = "javascript:alert(1)";
        using var refused = await client.SubmitFormAsync("/organizations/new/edit", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = (await HubClient.ParseAsync(refused)).QuerySelector("main")!.TextContent;
        Assert.Contains("사업자등록번호가 올바르지 않습니다", text, StringComparison.Ordinal);
        Assert.Contains("http:// 또는 https://", text, StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Organizations.AnyAsync(o => o.NameKo == "번호오류")));

        var name = "신규기관 " + Guid.NewGuid().ToString("N")[..6];
        var good = Form(name);
        good["Input.Type"] = "Sme";
        using var created = await client.SubmitFormAsync("/organizations/new/edit", good);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(OrganizationType.Sme, await host.QueryAsync(db => db.Organizations.Where(o => o.NameKo == name)
            .Select(o => o.Type).SingleAsync()));
    }
}
