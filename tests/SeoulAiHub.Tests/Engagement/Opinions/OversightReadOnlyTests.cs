using System.Net;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Engagement.Opinions.OpinionPages;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Infrastructure.TestDates;
using static SeoulAiHub.Tests.Outcomes.Collection.CollectionPages;

namespace SeoulAiHub.Tests.Engagement.Opinions;

/// <summary>Overseers read every opinion and action item and change nothing; members who may read an opinion cannot work it.</summary>
public sealed class OversightReadOnlyTests
{
    [Theory, OnEveryDatabase]
    public async Task Overseers_read_everything_but_every_form_is_refused_and_nothing_changes(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var opinion = await host.OpinionAsync(organization.Id, $"{marker} 규제 샌드박스 문의", OpinionVisibility.Internal,
            OpinionCategory.Regulation, "센터장");
        var other = await host.OpinionAsync(null, $"{marker} 설문 의견", OpinionVisibility.Public);
        var overdue = await host.OverdueActionAsync(opinion, $"{marker} 기한 지난 조치");
        var url = $"/engagement/opinions/{opinion}";
        using var overseer = await host.ClientAsync(HubRoles.Overseer);

        var page = await overseer.GetDocumentAsync(url);
        Assert.Equal("센터장", TextOf(page, "#speaker"));
        Assert.Contains("기한 지남", TextOf(page, $"#action-{overdue}"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#answer-form"));
        Assert.Null(page.QuerySelector($"#move-{overdue}"));
        Assert.Equal(2, (await overseer.GetDocumentAsync($"/engagement/opinions?q={marker}"))
            .QuerySelectorAll("#opinions tbody tr[data-id]").Length);
        var overdueList = await overseer.GetDocumentAsync("/engagement/actions?overdue=true");
        var row = overdueList.QuerySelector($"#actions tr[data-id='{overdue}']");
        Assert.NotNull(row);
        Assert.Contains("기한 지남", row!.TextContent, StringComparison.Ordinal);
        foreach (var list in new[] { "/engagement/actions", "/engagement/actions?mine=true&status=Open",
            "/engagement/actions?status=Bogus&overdue=maybe&page=x" })
        {
            using var response = await overseer.GetAsync(list);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var before = await host.StoredOpinionAsync(opinion);
        var actionBefore = Assert.Single(await host.StoredActionsAsync(opinion));
        (string Handler, (string, string)[] Fields)[] posts =
        [
            ("Edit", [("EditInput.Text", "바꾼 내용"), ("EditInput.Categories", "Funding"), ("EditInput.Visibility", "Public")]),
            ("Answer", [("AnswerText", "감독자의 답변")]),
            ("Merge", [("MergeInto", other.ToString())]),
            ("AddAction", [("NewAction.Title", "감독자 조치"), ("NewAction.Department", "의회"), ("NewAction.DueOn", Iso(KstToday.AddDays(5)))]),
            ("Move", [("Step.ActionId", overdue.ToString()), ("Step.Status", "Done"), ("Step.Note", "감독자가 완료")]),
            ("Reschedule", [("Step.ActionId", overdue.ToString()), ("Step.DueOn", Iso(KstToday.AddDays(9))), ("Step.Note", "감독자 연기")]),
            ("Reassign", [("Step.ActionId", overdue.ToString()), ("Step.Department", "감독자 부서")]),
        ];
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        foreach (var client in new[] { overseer, member })
        {
            foreach (var (handler, fields) in posts)
            {
                using var response = await client.PostAsync(url, $"{url}?handler={handler}", fields);
                AssertDenied(response);
            }
        }

        // Someone who may not read it at all gets 404 for the same posts; an unknown opinion is 404 for the operator too.
        using var stranger = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        using (var response = await stranger.PostAsync("/engagement/opinions", $"{url}?handler=Answer", ("AnswerText", "남의 답변")))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var op = await host.ClientAsync(HubRoles.Operator);
        using (var response = await op.PostAsync(url, $"/engagement/opinions/{Guid.NewGuid()}?handler=Answer", ("AnswerText", "없는 의견")))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var after = await host.StoredOpinionAsync(opinion);
        var actionAfter = Assert.Single(await host.StoredActionsAsync(opinion));
        Assert.Equal((before.Text, before.Answer, before.Status, before.Category, before.UpdatedAt),
            (after.Text, after.Answer, after.Status, after.Category, after.UpdatedAt));
        Assert.Equal((actionBefore.Status, actionBefore.DueOn, actionBefore.OwnerDepartment, actionBefore.UpdatedAt),
            (actionAfter.Status, actionAfter.DueOn, actionAfter.OwnerDepartment, actionAfter.UpdatedAt));
        Assert.Equal(OpinionStatus.Received, (await host.StoredOpinionAsync(other)).Status);
    }
}
