using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Reports;

/// <summary>"You said, we did" through HTTP: the period and visit reports for operators and overseers, the public page.</summary>
public sealed class FollowUpReportPagesTests
{
    private static DateOnly Today => Kst.Today(TimeProvider.System);

    [Theory, OnEveryDatabase]
    public async Task An_opinion_its_answer_and_its_actions_appear_in_the_period_and_visit_reports(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var s = Guid.NewGuid().ToString("N")[..8];
        var organization = await host.CreateOrganizationAsync();
        var operatorId = (await host.CreateAsync(HubRoles.Operator)).Id;
        var owner = await NamedUserAsync(host, $"담당자 {s}");
        var visitDate = Today.AddDays(-3);

        Guid visitId, opinionId, done, open;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var now = DateTimeOffset.UtcNow;
            var visit = Visit.Plan(VisitKind.Visit, $"보고서 시험 방문 {s}", visitDate, "후속 조치 보고서", "운영사무국", null, operatorId, now);
            visit.AddGuest($"손님 {s}", "의원", "서울특별시의회", now);
            visit.MarkHeld(Today, now);
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            visitId = visit.Id;

            var desk = scope.ServiceProvider.GetRequiredService<OpinionDesk>();
            var opinion = await desk.RecordAsync(OpinionSource.Visit, visitId, organization.Id, $"발언자 {s}", $"실증 공간이 부족합니다 {s}",
                OpinionCategory.Demonstration | OpinionCategory.Infrastructure, OpinionVisibility.Internal, null, operatorId);
            opinionId = opinion.Id;
            await desk.AnswerAsync(opinionId, $"실증 공간을 늘리겠습니다 {s}", operatorId);
            done = (await desk.AddActionAsync(opinionId, $"실증 공간 확보 {s}", "AI정책과", owner, Today.AddDays(10), operatorId)).Id;
            open = (await desk.AddActionAsync(opinionId, $"실증 예산 편성 {s}", "예산담당관", null, Today.AddDays(20), operatorId)).Id;
            await desk.MoveActionAsync(done, ActionStatus.Done, $"3층 실증실 개소 {s}", operatorId);
        }

        foreach (var role in new[] { HubRoles.Operator, HubRoles.Overseer })
        {
            using var client = await host.ClientAsync(role);
            var date = visitDate.ToString("yyyy-MM-dd");
            foreach (var page in new[]
                     {
                         await client.GetDocumentAsync($"/engagement/report?from={date}&to={date}"),
                         await client.GetDocumentAsync($"/engagement/visits/{visitId}/report"),
                     })
            {
                var article = page.QuerySelector($"article[data-opinion='{opinionId}']")!;
                Assert.NotNull(article);
                Assert.Equal(nameof(FollowUpStage.Underway), article.GetAttribute("data-stage"));
                Assert.Contains($"실증 공간이 부족합니다 {s}", article.TextContent, StringComparison.Ordinal);
                Assert.Contains($"발언자 {s}", article.TextContent, StringComparison.Ordinal);
                Assert.Contains(organization.NameKo, article.TextContent, StringComparison.Ordinal);
                Assert.Equal($"실증 공간을 늘리겠습니다 {s}", article.QuerySelector("[data-testid=er-answer]")!.TextContent);

                var doneRow = article.QuerySelector($"tr[data-action='{done}']")!;
                Assert.Equal(nameof(ActionStatus.Done), doneRow.GetAttribute("data-status"));
                Assert.Contains($"3층 실증실 개소 {s}", doneRow.QuerySelector(".er-resolution")!.TextContent, StringComparison.Ordinal);
                Assert.Contains($"담당자 {s}", doneRow.TextContent, StringComparison.Ordinal);
                Assert.Contains("AI정책과", doneRow.TextContent, StringComparison.Ordinal);
                var openRow = article.QuerySelector($"tr[data-action='{open}']")!;
                Assert.Equal(nameof(ActionStatus.Open), openRow.GetAttribute("data-status"));
                Assert.Equal("—", openRow.QuerySelector(".er-resolution")!.TextContent.Trim());
                Assert.Equal($"/engagement/opinions/{opinionId}#action-{open}", openRow.QuerySelector("th a")!.GetAttribute("href"));
                Assert.NotNull(page.QuerySelector("button[data-print]"));
                Assert.NotNull(page.QuerySelector("script[src*='engagement-print.js']"));
            }

            // The visit's own report holds exactly this opinion, so its summary counts are known.
            var visitPage = await client.GetDocumentAsync($"/engagement/visits/{visitId}/report");
            Assert.Contains($"손님 {s}", visitPage.QuerySelector("[data-testid=er-visit-facts]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("1", Text(visitPage, "[data-testid=er-opinion-count]"));
            Assert.Equal("1", Text(visitPage, "dd[data-stage=Underway]"));
            Assert.Equal("0", Text(visitPage, "dd[data-stage=Waiting]"));
            Assert.Equal("1", Text(visitPage, "dd[data-status=Done]"));
            Assert.Equal("1", Text(visitPage, "dd[data-status=Open]"));
            Assert.Equal("0", Text(visitPage, "[data-testid=er-overdue]"));
            Assert.Equal(["Infrastructure", "Demonstration"],
                visitPage.QuerySelectorAll("[data-testid=er-categories] tbody tr").Select(r => r.GetAttribute("data-category")!));
        }

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        using var missing = await operatorClient.GetAsync($"/engagement/visits/{Guid.NewGuid()}/report");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task The_public_page_shows_public_opinions_with_what_was_done_but_nothing_internal_and_no_names(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var s = Guid.NewGuid().ToString("N")[..8];
        var organization = await host.CreateOrganizationAsync();
        var operatorId = (await host.CreateAsync(HubRoles.Operator)).Id;
        var owner = await NamedUserAsync(host, $"공개담당자 {s}");
        Guid publicId, internalId, duplicateId, actionId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<OpinionDesk>();
            publicId = (await desk.RecordAsync(OpinionSource.Survey, null, organization.Id, $"공개발언자 {s}", $"해외 진출 지원이 필요합니다 {s}",
                OpinionCategory.Global, OpinionVisibility.Public, Today, operatorId)).Id;
            internalId = (await desk.RecordAsync(OpinionSource.Tenant, null, organization.Id, $"비공개발언자 {s}", $"우리 회사 사정입니다 {s}",
                OpinionCategory.Funding, OpinionVisibility.Internal, Today, operatorId)).Id;
            duplicateId = (await desk.RecordAsync(OpinionSource.Tenant, null, organization.Id, null, $"비공개 중복 의견 {s}",
                OpinionCategory.Global, OpinionVisibility.Internal, Today, operatorId)).Id;
            await desk.MergeAsync(duplicateId, publicId, operatorId);
            actionId = (await desk.AddActionAsync(publicId, $"해외 전시회 참가 지원 {s}", "글로벌협력팀", owner, Today.AddDays(30), operatorId)).Id;
            await desk.MoveActionAsync(actionId, ActionStatus.Done, $"CES 공동관 운영 {s}", operatorId);
            await desk.AddActionAsync(internalId, $"비공개 조치 {s}", "예산담당관", owner, Today.AddDays(30), operatorId);
        }

        using var anonymous = host.CreateHubClient();
        foreach (var url in new[] { "/you-said-we-did", $"/you-said-we-did?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}" })
        {
            var page = await anonymous.GetDocumentAsync(url);
            var html = page.DocumentElement.OuterHtml;
            Assert.NotEmpty(page.QuerySelector("[data-testid=er-public-lead]")!.TextContent.Trim());
            var article = page.QuerySelector($"article[data-opinion='{publicId}']")!;
            Assert.NotNull(article);
            Assert.Contains($"해외 진출 지원이 필요합니다 {s}", article.TextContent, StringComparison.Ordinal);
            var row = article.QuerySelector($"tr[data-action='{actionId}']")!;
            Assert.Contains($"해외 전시회 참가 지원 {s}", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("글로벌협력팀", row.TextContent, StringComparison.Ordinal);
            Assert.Contains($"CES 공동관 운영 {s}", row.TextContent, StringComparison.Ordinal);
            Assert.Null(row.QuerySelector("a"));

            foreach (var secret in new[] { $"우리 회사 사정입니다 {s}", $"비공개발언자 {s}", $"공개발언자 {s}", $"공개담당자 {s}", $"비공개 중복 의견 {s}", $"비공개 조치 {s}" })
            {
                Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            }

            Assert.Null(page.QuerySelector($"[data-opinion='{internalId}'], [data-merged='{duplicateId}']"));
            Assert.Null(page.QuerySelector("a[href^='/engagement/']"));
        }
    }

    [Theory, OnEveryDatabase]
    public async Task Bad_dates_in_the_query_string_give_a_message_and_the_default_period_never_an_error(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        using var anonymous = host.CreateHubClient();
        var yearStart = new DateOnly(Today.Year, 1, 1).ToString("yyyy-MM-dd");
        var today = Today.ToString("yyyy-MM-dd");
        var cases = new (HubClient Client, string Url, string DefaultScope)[]
        {
            (overseer, "/engagement/report?from=abc", $"{yearStart}|{today}"),
            (overseer, "/engagement/report?from=2026-13-01", $"{yearStart}|{today}"),
            (overseer, "/engagement/report?from=2026-05-01&to=2026-01-31", $"{yearStart}|{today}"),
            (overseer, "/engagement/report?to=%3Cscript%3E", $"{yearStart}|{today}"),
            (anonymous, "/you-said-we-did?from=abc&to=2026-13-01", $"{Today.AddMonths(-12).AddDays(1):yyyy-MM-dd}|{today}"),
        };
        foreach (var (client, url, scope) in cases)
        {
            var page = await client.GetDocumentAsync(url);
            Assert.NotNull(page.QuerySelector("[data-testid=er-period-errors][role=alert]"));
            var (from, to) = (scope.Split('|')[0], scope.Split('|')[1]);
            Assert.Equal(from, page.QuerySelector("input[name=from]")!.GetAttribute("value"));
            Assert.Equal(to, page.QuerySelector("input[name=to]")!.GetAttribute("value"));
        }

        var good = await overseer.GetDocumentAsync("/engagement/report?from=2025-07-01&to=2025-12-31");
        Assert.Null(good.QuerySelector("[data-testid=er-period-errors]"));
        Assert.Equal("2025-07-01", good.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Equal("2025-12-31", good.QuerySelector("input[name=to]")!.GetAttribute("value"));
        Assert.Contains($"/engagement/report?from={yearStart}&to={Today.Year}-12-31",
            good.QuerySelectorAll("nav.er-links a").Select(a => a.GetAttribute("href")!));
    }

    private static string Text(IDocument page, string selector) => page.QuerySelector(selector)!.TextContent.Trim();

    /// <summary>A user with a name of its own, to be looked for (or not) in the reports.</summary>
    internal static async Task<Guid> NamedUserAsync(HubAppFactory host, string name)
    {
        var user = await host.CreateAsync(HubRoles.Operator, twoFactor: false);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var row = await db.Users.SingleAsync(u => u.Id == user.Id);
        row.DisplayName = name;
        await db.SaveChangesAsync();
        return user.Id;
    }
}
