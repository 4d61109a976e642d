using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Engagement.Opinions.OpinionPages;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Outcomes.Collection.CollectionPages;

namespace SeoulAiHub.Tests.Engagement.Opinions;

/// <summary>Who reads which opinion, who may write one in, and for which organization.</summary>
public sealed class OpinionAccessTests
{
    [Theory, OnEveryDatabase]
    public async Task A_member_sees_its_own_internal_opinions_and_public_ones_but_not_another_organizations_internal_ones(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var own = await host.CreateOrganizationAsync();
        var other = await host.CreateOrganizationAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var ownInternal = await host.OpinionAsync(own.Id, $"{marker} 우리 기관 비공개", OpinionVisibility.Internal, speaker: "우리 대표");
        var otherInternal = await host.OpinionAsync(other.Id, $"{marker} 다른 기관 비공개", OpinionVisibility.Internal);
        var otherPublic = await host.OpinionAsync(other.Id, $"{marker} 다른 기관 공개", OpinionVisibility.Public, speaker: "다른 기관 대표");
        using var member = await host.ClientAsync(HubRoles.TenantMember, own.Id);

        var list = await member.GetDocumentAsync($"/engagement/opinions?q={marker}");
        var shown = list.QuerySelectorAll("#opinions tbody tr[data-id]").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToHashSet();
        Assert.Equal(new HashSet<Guid> { ownInternal, otherPublic }, shown);
        Assert.NotNull(list.QuerySelector("#submit-opinion"));

        // Filters narrow in SQL: by category (bitwise), by stage, by organization; nonsense values are ignored.
        var funding =
            await member.GetDocumentAsync($"/engagement/opinions?q={marker}&category=Funding&stage=Waiting&organization={other.Id}");
        Assert.Equal([otherPublic], funding.QuerySelectorAll("#opinions tbody tr[data-id]")
            .Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        var regulation = await member.GetDocumentAsync($"/engagement/opinions?q={marker}&category=Regulation");
        Assert.Empty(regulation.QuerySelectorAll("#opinions tbody tr[data-id]"));
        var nonsense = await member.GetDocumentAsync($"/engagement/opinions?q={marker}&category=7&stage=Nope&status=&source=x&visit=abc" +
            "&organization=zz&page=-3");
        Assert.Equal(2, nonsense.QuerySelectorAll("#opinions tbody tr[data-id]").Length);

        // The other organization's internal opinion does not exist for this member; its public one does, without the speaker.
        using (var hidden = await member.GetAsync($"/engagement/opinions/{otherInternal}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var publicPage = await member.GetDocumentAsync($"/engagement/opinions/{otherPublic}");
        Assert.Null(publicPage.QuerySelector("#speaker"));
        Assert.Null(publicPage.QuerySelector("#answer-form"));
        var ownPage = await member.GetDocumentAsync($"/engagement/opinions/{ownInternal}");
        Assert.Equal("우리 대표", TextOf(ownPage, "#speaker"));

        // Operators see all three.
        using var op = await host.ClientAsync(HubRoles.Operator);
        var all = await op.GetDocumentAsync($"/engagement/opinions?q={marker}");
        Assert.Equal(3, all.QuerySelectorAll("#opinions tbody tr[data-id]").Length);
    }

    [Theory, OnEveryDatabase]
    public async Task A_member_submits_for_its_organization_only_and_others_may_not_submit(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var own = await host.CreateOrganizationAsync();
        var other = await host.CreateOrganizationAsync();
        using var member = await host.ClientAsync(HubRoles.TenantMember, own.Id);
        var text = $"입주기관 제출 의견 {Guid.NewGuid():N}";
        const string page = "/engagement/opinions/new";

        // Another organization's id, a forged one, no category, bad visibility: a message each, nothing saved.
        async Task RefusedAsync(string expected, params (string, string)[] fields)
        {
            using var response = await member.PostAsync(page, page, fields);
            Assert.Contains(expected, TextOf(await PageOfAsync(response), ".alert.error"), StringComparison.Ordinal);
        }

        await RefusedAsync("구성원", ("Input.OrganizationId", other.Id.ToString()), ("Input.Text", text), ("Input.Categories", "Funding"),
            ("Input.Visibility", "Internal"));
        await RefusedAsync("구성원", ("Input.OrganizationId", "not-a-guid"), ("Input.Text", text), ("Input.Categories", "Funding"),
            ("Input.Visibility", "Internal"));
        await RefusedAsync("분류", ("Input.OrganizationId", own.Id.ToString()), ("Input.Text", text), ("Input.Categories", "Bogus"),
            ("Input.Visibility", "Internal"));
        await RefusedAsync("공개", ("Input.OrganizationId", own.Id.ToString()), ("Input.Text", text), ("Input.Categories", "Funding"),
            ("Input.Visibility", "1"));
        Assert.False(await host.QueryAsync(db => db.FieldOpinions.AnyAsync(o => o.Text == text)));

        using var saved = await member.PostAsync(page, page, ("Input.OrganizationId", own.Id.ToString()), ("Input.Text", text),
            ("Input.Categories", "Funding"), ("Input.Categories", "Education"), ("Input.Visibility", "Internal"),
            ("Input.Source", "Survey"), ("Input.Speaker", "무시될 발언자"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await host.StoredOpinionAsync(IdFromLocation(saved));
        Assert.Equal((OpinionSource.Tenant, own.Id, OpinionCategory.Funding | OpinionCategory.Education, OpinionVisibility.Internal,
            null as string, text), (stored.Source, stored.SourceOrganizationId!.Value, stored.Category, stored.Visibility,
                stored.Speaker, stored.Text));
        var list = await member.GetDocumentAsync($"/engagement/opinions?q={Uri.EscapeDataString(text)}");
        Assert.Single(list.QuerySelectorAll("#opinions tbody tr[data-id]"));

        // No active membership, no operator role: refused on GET and POST (overseers included: they change nothing).
        foreach (var role in new[] { HubRoles.Learner, HubRoles.Overseer })
        {
            using var outsider = await host.ClientAsync(role);
            using (var get = await outsider.GetAsync(page))
            {
                AssertDenied(get);
            }

            var token = await outsider.TokenAsync("/engagement/opinions");
            using var post = await outsider.Http.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.OrganizationId"] = own.Id.ToString(), ["Input.Text"] = text + role,
                ["Input.Categories"] = "Funding", ["Input.Visibility"] = "Public", ["Input.Source"] = "Survey",
            }));
            AssertDenied(post);
        }

        Assert.False(await host.QueryAsync(db => db.FieldOpinions.AnyAsync(o => o.Text.StartsWith(text) && o.Text != text)));
    }
}
