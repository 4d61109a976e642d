using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Engagement.Opinions.OpinionPages;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Infrastructure.TestDates;
using static SeoulAiHub.Tests.Outcomes.Collection.CollectionPages;

namespace SeoulAiHub.Tests.Engagement.Opinions;

/// <summary>An operator works an opinion through its page: answer, action items by the status rules (the owner is
/// told in the app and by email), merge of a duplicate keeping both histories; bad input changes nothing.</summary>
public sealed class OpinionWorkTests
{
    [Theory, OnEveryDatabase]
    public async Task Operator_answers_adds_actions_that_follow_the_status_rules_and_tell_their_owner(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var owner = await host.CreateAsync(HubRoles.Overseer);
        using var op = await host.ClientAsync(HubRoles.Operator);
        var text = $"실증 공간이 부족합니다 {Guid.NewGuid():N}";

        using var recorded = await op.PostAsync("/engagement/opinions/new", "/engagement/opinions/new", ("Input.Source", "Tenant"),
            ("Input.OrganizationId", organization.Id.ToString()), ("Input.Speaker", "대표"), ("Input.Text", text),
            ("Input.Categories", "Demonstration"), ("Input.Visibility", "Public"), ("Input.SaidOn", Iso(KstToday.AddDays(-2))));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var id = IdFromLocation(recorded);
        var url = $"/engagement/opinions/{id}";
        var opinion = await host.StoredOpinionAsync(id);
        Assert.Equal((OpinionSource.Tenant, KstToday.AddDays(-2), "대표"), (opinion.Source, opinion.SaidOn, opinion.Speaker));

        AssertRedirect(await op.PostAsync(url, url + "?handler=Answer", ("AnswerText", "하반기 실증 공간을 확충합니다.")), url);
        Assert.Equal("하반기 실증 공간을 확충합니다.", (await host.StoredOpinionAsync(id)).Answer);

        // Bad input: a message, never a 500, and no action item.
        async Task RefusedAsync(string handler, string expected, params (string, string)[] fields)
        {
            using var response = await op.PostAsync(url, $"{url}?handler={handler}", fields);
            Assert.Contains(expected, TextOf(await PageOfAsync(response), ".alert.error"), StringComparison.Ordinal);
        }

        (string, string)[] Action(string title, string due, string ownerId) =>
            [("NewAction.Title", title), ("NewAction.Department", "서울시 AI정책과"), ("NewAction.OwnerUserId", ownerId),
                ("NewAction.DueOn", due)];
        await RefusedAsync("AddAction", "YYYY-MM-DD", Action("공간 확충", "next month", owner.Id.ToString()));
        await RefusedAsync("AddAction", "기한", Action("공간 확충", Iso(KstToday.AddDays(-1)), owner.Id.ToString()));
        await RefusedAsync("AddAction", "담당자", Action("공간 확충", Iso(KstToday.AddDays(30)), "garbage"));
        await RefusedAsync("AddAction", "담당자", Action("공간 확충", Iso(KstToday.AddDays(30)), Guid.NewGuid().ToString()));
        await RefusedAsync("Edit", "분류", ("EditInput.Text", text), ("EditInput.Categories", "NotACategory"),
            ("EditInput.Visibility", "Public"));
        await RefusedAsync("Merge", "병합할 의견", ("MergeInto", "xyz"));
        await RefusedAsync("Merge", "의견을 찾을 수 없습니다", ("MergeIntoPasted", Guid.NewGuid().ToString()));
        Assert.Empty(await host.StoredActionsAsync(id));
        Assert.Equal(OpinionCategory.Demonstration, (await host.StoredOpinionAsync(id)).Category);

        AssertRedirect(await op.PostAsync(url, url + "?handler=AddAction",
            Action("실증 공간 확충", Iso(KstToday.AddDays(30)), owner.Id.ToString())), url);
        var action = Assert.Single(await host.StoredActionsAsync(id));
        var link = $"/engagement/opinions/{id}#action-{action.Id}";
        Assert.True(await host.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == owner.Id && n.Link == link)));
        Assert.True(await host.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.To == owner.Email && m.Subject.Contains("실증 공간 확충"))));
        var page = await op.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"#action-{action.Id}"));

        // Done needs a note: without one it is refused and stays open; with one it is done and the history says so.
        var step = $"{url}?handler=Move";
        await RefusedAsync("Move", "조치 결과", ("Step.ActionId", action.Id.ToString()), ("Step.Status", "Done"), ("Step.Note", "  "));
        await RefusedAsync("Move", "상태", ("Step.ActionId", action.Id.ToString()), ("Step.Status", "3"));
        await RefusedAsync("Move", "조치 과제를 찾을 수 없습니다", ("Step.ActionId", "nope"), ("Step.Status", "Done"), ("Step.Note", "x"));
        await RefusedAsync("Reschedule", "YYYY-MM-DD", ("Step.ActionId", action.Id.ToString()), ("Step.DueOn", "2026-13-40"),
            ("Step.Note", "사유"));
        await RefusedAsync("Reschedule", "사유", ("Step.ActionId", action.Id.ToString()), ("Step.DueOn", Iso(KstToday.AddDays(40))));
        Assert.Equal(ActionStatus.Open, Assert.Single(await host.StoredActionsAsync(id)).Status);
        AssertRedirect(await op.PostAsync(url, step, ("Step.ActionId", action.Id.ToString()), ("Step.Status", "Done"),
            ("Step.Note", "공간 2개 층 추가 확보")), url);
        var done = Assert.Single(await host.StoredActionsAsync(id));
        Assert.Equal((ActionStatus.Done, "공간 2개 층 추가 확보"), (done.Status, done.Resolution));
        var history = TextOf(await op.GetDocumentAsync(url), "#history");
        Assert.Contains("공간 2개 층 추가 확보", history, StringComparison.Ordinal);
        Assert.Contains("착수 전 → 완료", history, StringComparison.Ordinal);

        // Declining needs a reason.
        AssertRedirect(await op.PostAsync(url, url + "?handler=AddAction", Action("예산 증액", Iso(KstToday.AddDays(60)), "")), url);
        var second = (await host.StoredActionsAsync(id))[1];
        Assert.Null(second.OwnerUserId);
        await RefusedAsync("Move", "사유", ("Step.ActionId", second.Id.ToString()), ("Step.Status", "Declined"), ("Step.Note", ""));
        Assert.Equal(ActionStatus.Open, (await host.StoredActionsAsync(id))[1].Status);

        // Reschedule and reassign with a reason: recorded in the action's history; the new owner is told.
        AssertRedirect(await op.PostAsync(url, $"{url}?handler=Reschedule", ("Step.ActionId", second.Id.ToString()),
            ("Step.DueOn", Iso(KstToday.AddDays(90))), ("Step.Note", "예산 편성 일정")), url);
        AssertRedirect(await op.PostAsync(url, $"{url}?handler=Reassign", ("Step.ActionId", second.Id.ToString()),
            ("Step.Department", "예산담당관"), ("Step.OwnerUserId", owner.Id.ToString())), url);
        var moved = (await host.StoredActionsAsync(id))[1];
        Assert.Equal((KstToday.AddDays(90), "예산담당관", owner.Id), (moved.DueOn, moved.OwnerDepartment, moved.OwnerUserId!.Value));
        Assert.Equal(2, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == owner.Id)));
        Assert.Contains("예산 편성 일정", TextOf(await op.GetDocumentAsync(url), "#history"), StringComparison.Ordinal);

        // The list computes the stage in SQL: one item done, one open → underway, not completed.
        async Task<List<Guid>> ListedAsync(string query) =>
            (await op.GetDocumentAsync($"/engagement/opinions?q={Uri.EscapeDataString(text)}&{query}"))
            .QuerySelectorAll("#opinions tbody tr[data-id]").Select(r => Guid.Parse(r.GetAttribute("data-id")!)).ToList();
        Assert.Equal([id], await ListedAsync("stage=Underway&category=Demonstration&source=Tenant&status=Answered"));
        Assert.Empty(await ListedAsync("stage=Completed"));
        Assert.Empty(await ListedAsync("stage=Answered"));
        Assert.Empty(await ListedAsync("status=Received"));

        // The owner finds both on the action list (mine), sorted by due date.
        using var ownerClient = await host.SignedInClientAsync(owner);
        var mine = await ownerClient.GetDocumentAsync("/engagement/actions?mine=true");
        Assert.Equal([action.Id, second.Id], mine.QuerySelectorAll("#actions tbody tr[data-id]")
            .Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        var mineOpen = await ownerClient.GetDocumentAsync("/engagement/actions?mine=true&status=Open");
        Assert.Equal([second.Id], mineOpen.QuerySelectorAll("#actions tbody tr[data-id]")
            .Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
    }

    [Theory, OnEveryDatabase]
    public async Task Merging_a_duplicate_keeps_both_histories_and_the_duplicate_points_to_the_survivor(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var survivor = await host.OpinionAsync(organization.Id, $"{marker} 인재가 떠납니다", OpinionVisibility.Public,
            OpinionCategory.TalentOutflow);
        var duplicate = await host.OpinionAsync(organization.Id, $"{marker} 인력 유출이 심각합니다", OpinionVisibility.Internal,
            OpinionCategory.Education);
        using var op = await host.ClientAsync(HubRoles.Operator);
        var dupUrl = $"/engagement/opinions/{duplicate}";
        var url = $"/engagement/opinions/{survivor}";
        AssertRedirect(await op.PostAsync(dupUrl, dupUrl + "?handler=Answer", ("AnswerText", $"{marker} 중복 의견 답변")), dupUrl);
        AssertRedirect(await op.PostAsync(dupUrl, dupUrl + "?handler=AddAction", ("NewAction.Title", $"{marker} 인재 정주 지원"),
            ("NewAction.Department", "운영사무국"), ("NewAction.OwnerUserId", ""), ("NewAction.DueOn", Iso(KstToday.AddDays(20)))), dupUrl);

        // Merging into itself is refused; pasting the survivor's address works.
        using (var self = await op.PostAsync(dupUrl, dupUrl + "?handler=Merge", ("MergeInto", duplicate.ToString())))
        {
            Assert.Contains("자기 자신", TextOf(await PageOfAsync(self), ".alert.error"), StringComparison.Ordinal);
        }

        AssertRedirect(await op.PostAsync(dupUrl, dupUrl + "?handler=Merge", ("MergeIntoPasted", $"http://localhost{url}")), url);
        var stored = await host.StoredOpinionAsync(duplicate);
        Assert.Equal((OpinionStatus.Merged, survivor), (stored.Status, stored.MergedIntoId!.Value));
        Assert.Equal(OpinionCategory.TalentOutflow | OpinionCategory.Education, (await host.StoredOpinionAsync(survivor)).Category);

        var dupPage = await op.GetDocumentAsync(dupUrl);
        Assert.Equal(url, dupPage.QuerySelector("#survivor-link")!.GetAttribute("href"));
        Assert.Contains($"{marker} 인재 정주 지원", dupPage.QuerySelector("#actions-heading")!.ParentElement!.TextContent,
            StringComparison.Ordinal);
        Assert.Null(dupPage.QuerySelector("#answer-form"));

        var page = await op.GetDocumentAsync(url);
        var entries = page.QuerySelectorAll("#history li").ToList();
        Assert.Contains(entries, e => e.GetAttribute("data-subject") == "MergedOpinion" &&
            e.TextContent.Contains($"{marker} 중복 의견 답변", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetAttribute("data-subject") == "MergedOpinion" &&
            e.TextContent.Contains("접수", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetAttribute("data-subject") == "Opinion" &&
            e.TextContent.Contains("중복 의견 병합", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetAttribute("data-subject") == "Action" &&
            e.TextContent.Contains($"{marker} 인재 정주 지원", StringComparison.Ordinal));
        Assert.Contains("운영자", entries[0].TextContent, StringComparison.Ordinal);    // recorded by someone not in the system

        // A member of the organization reads the merged internal duplicate: told where it went, with the follow-up.
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        var memberDup = await member.GetDocumentAsync(dupUrl);
        Assert.NotNull(memberDup.QuerySelector("#survivor-link"));
        // The merged list hides it by default and shows it on request.
        var hidden = await op.GetDocumentAsync($"/engagement/opinions?q={marker}");
        Assert.Equal([survivor], hidden.QuerySelectorAll("#opinions tbody tr[data-id]")
            .Select(r => Guid.Parse(r.GetAttribute("data-id")!)));
        var shown = await op.GetDocumentAsync($"/engagement/opinions?q={marker}&merged=true");
        Assert.Equal(2, shown.QuerySelectorAll("#opinions tbody tr[data-id]").Length);
    }
}
