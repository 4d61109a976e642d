using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs;

public sealed class ReviewPagesTests
{
    [Theory, OnEveryDatabase]
    public async Task A_reviewer_scores_only_the_own_assignment_and_never_sees_other_scores(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var organization = await host.CreateOrganizationAsync();
        var (member, _) = await host.MemberAsync(organization.Id);
        using var _member = member;
        var (url, documentId) = await host.SubmittedApplicationAsync(call.Id, member);
        var applicationId = ProgramPages.IdOf(url);
        var (first, firstUser) = await host.SignedInAsync(HubRoles.Reviewer);
        var (second, secondUser) = await host.SignedInAsync(HubRoles.Reviewer);
        using var _first = first;
        using var _second = second;
        var mine = await host.AssignAsync(call.Id, applicationId, firstUser.Id);
        var theirs = await host.AssignAsync(call.Id, applicationId, secondUser.Id);

        // The list shows the own assignment only.
        var list = await first.GetDocumentAsync("/review");
        Assert.NotNull(list.QuerySelector($"a[href='/review/{mine}']"));
        Assert.Null(list.QuerySelector($"a[href='/review/{theirs}']"));

        // The second reviewer submits scores with a comment; the first never sees them.
        const string secret = "두번째 심사위원의 비공개 의견";
        using (var submitted = await second.SubmitFormAsync($"/review/{theirs}", new Dictionary<string, string>
               {
                   ["scores[tech]"] = "9", ["scores[biz]"] = "17", ["comments[tech]"] = secret, ["submit"] = "true",
               }, "form.score-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var finished = await second.GetDocumentAsync($"/review/{theirs}");
        Assert.Empty(finished.QuerySelectorAll("form.score-form input[type=number]"));
        Assert.Contains(secret, finished.QuerySelector("table.criteria")!.TextContent, StringComparison.Ordinal);

        using (var foreign = await first.GetAsync($"/review/{theirs}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var foreignPost = await first.PostFormAsync($"/review/{theirs}", new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = await first.TokenAsync($"/review/{mine}"), ["scores[tech]"] = "0", ["submit"] = "false",
               }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        }

        var page = await first.GetDocumentAsync($"/review/{mine}");
        Assert.DoesNotContain(secret, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("form.score-form input[type=number]"),
            i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
        Assert.NotNull(page.QuerySelector($"a[href='{url}/documents/{documentId}']"));
        Assert.Contains("생성형 AI 실증", page.QuerySelector("dl.answers")!.TextContent, StringComparison.Ordinal);
        var totals = await host.QueryAsync(db => db.ReviewerAssignments.Where(a => a.Id == theirs)
            .Select(a => a.WeightedTotal).SingleAsync());
        Assert.Equal(88m, totals);   // 60 × 9/10 + 40 × 17/20 of 100: the submitted scores stand
        Assert.DoesNotContain("가중 합계", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("가중 합계 88점", finished.Body!.TextContent, StringComparison.Ordinal);

        // An applicant is not a reviewer: the review pages are closed to them.
        using (var closed = await member.GetAsync($"/review/{mine}"))
        {
            Assert.NotEqual(HttpStatusCode.OK, closed.StatusCode);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task A_score_above_the_maximum_shows_the_message_and_saves_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var (member, _) = await host.MemberAsync((await host.CreateOrganizationAsync()).Id);
        using var _member = member;
        var (url, _) = await host.SubmittedApplicationAsync(call.Id, member);
        var (reviewer, user) = await host.SignedInAsync(HubRoles.Reviewer);
        using var _reviewer = reviewer;
        var assignment = await host.AssignAsync(call.Id, ProgramPages.IdOf(url), user.Id);

        using var refused = await reviewer.SubmitFormAsync($"/review/{assignment}", new Dictionary<string, string>
        {
            ["scores[tech]"] = "11", ["scores[biz]"] = "5", ["submit"] = "false",
        }, "form.score-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("점수는 0점부터 항목별 최고점까지 입력할 수 있습니다.", ProgramPages.Alerts(await HubClient.ParseAsync(refused)),
            StringComparison.Ordinal);
        var stored = await host.QueryAsync(db => db.ReviewerAssignments.AsNoTracking().SingleAsync(a => a.Id == assignment));
        Assert.Empty(stored.Scores);
        Assert.Null(stored.SubmittedAt);

        using var saved = await reviewer.SubmitFormAsync($"/review/{assignment}", new Dictionary<string, string>
        {
            ["scores[tech]"] = "10", ["submit"] = "false",
        }, "form.score-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        stored = await host.QueryAsync(db => db.ReviewerAssignments.AsNoTracking().SingleAsync(a => a.Id == assignment));
        Assert.Equal(10, stored.Scores["tech"].Score);
        Assert.Null(stored.SubmittedAt);
    }

    [Theory, OnEveryDatabase]
    public async Task A_declared_conflict_is_recorded_and_ends_the_open_assignment(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var organization = await host.CreateOrganizationAsync();
        var (member, _) = await host.MemberAsync(organization.Id);
        using var _member = member;
        var (url, _) = await host.SubmittedApplicationAsync(call.Id, member);
        var (reviewer, user) = await host.SignedInAsync(HubRoles.Reviewer);
        using var _reviewer = reviewer;
        var assignment = await host.AssignAsync(call.Id, ProgramPages.IdOf(url), user.Id);

        using (var empty =
            await reviewer.SubmitFormAsync("/review", new Dictionary<string, string> { ["organizationId"] = organization.Id.ToString() }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);   // a reason is required
            Assert.NotEmpty(ProgramPages.Alerts(await HubClient.ParseAsync(empty)));
        }

        using (var declared = await reviewer.SubmitFormAsync("/review", new Dictionary<string, string>
               { ["organizationId"] = organization.Id.ToString(), ["callId"] = call.Id.ToString(), ["reason"] = "전 직장" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        }

        Assert.Equal(1, await host.QueryAsync(db => db.ConflictDeclarations.CountAsync(c => c.ReviewerId == user.Id &&
            c.OrganizationId == organization.Id)));
        using var gone = await reviewer.GetAsync($"/review/{assignment}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
