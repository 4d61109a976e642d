using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Reports;

/// <summary>
/// A period with more opinions than a page holds: the screen shows one page at a time while the summary counts the
/// whole period, the pages together hold every opinion once, and the print view holds them all.
/// </summary>
public sealed class ReportPagingTests
{
    private const int Opinions = ReportPage.DefaultSize + 5;

    [Theory, OnEveryDatabase]
    public async Task A_long_period_is_shown_in_pages_with_the_whole_period_counted_and_printed_whole(string provider)
    {
        var host = await TestHosts.GetAsync(provider);

        // A day of its own, long ago, so that no other test's opinions share the period.
        var day = new DateOnly(2005, 1, 1).AddDays(Random.Shared.Next(3650));
        var operatorId = (await host.CreateAsync(HubRoles.Operator)).Id;
        var ids = new List<Guid>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<OpinionDesk>();
            for (var i = 0; i < Opinions; i++)
            {
                var opinion = await desk.RecordAsync(OpinionSource.Survey, null, null, null, $"페이지 시험 의견 {i:00} {day:yyyyMMdd}",
                    OpinionCategory.Education, OpinionVisibility.Public, day, operatorId);
                ids.Add(opinion.Id);
            }

            foreach (var id in ids.Take(2))
            {
                var action = await desk.AddActionAsync(id, "교육 과정 개설", "AI정책과", null,
                    Kst.Today(TimeProvider.System).AddDays(30), operatorId);
                await desk.MoveActionAsync(action.Id, ActionStatus.Done, "개설함", operatorId);
            }
        }

        var period = $"from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";
        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        var first = await overseer.GetDocumentAsync($"/engagement/report?{period}");
        var second = await overseer.GetDocumentAsync($"/engagement/report?{period}&page=2");
        Assert.Equal(ReportPage.DefaultSize, Shown(first).Count);
        Assert.Equal(5, Shown(second).Count);
        Assert.Equal(ids.Order(), Shown(first).Concat(Shown(second)).Order());
        foreach (var page in new[] { first, second })
        {
            Assert.Equal(Opinions.ToString(), Text(page, "[data-testid=er-opinion-count]"));
            Assert.Equal("2", Text(page, "dd[data-stage=Completed]"));
            Assert.Equal("2", Text(page, "dd[data-status=Done]"));
        }

        Assert.NotNull(first.QuerySelector($"nav.er-pager a[rel=next][href='/engagement/report?{period}&page=2']"));
        Assert.NotNull(second.QuerySelector($"nav.er-pager a[rel=prev][href='/engagement/report?{period}&page=1']"));
        Assert.Null(second.QuerySelector("nav.er-pager a[rel=next]"));

        // The print view is the whole period on one page; a page past the end is the last page; nonsense is the first.
        var whole = await overseer.GetDocumentAsync($"/engagement/report?{period}&all=true");
        Assert.Equal(ids.Order(), Shown(whole).Order());
        Assert.Null(whole.QuerySelector("nav.er-pager"));
        Assert.NotNull(first.QuerySelector($"a#print-all-link[href='/engagement/report?{period}&all=true']"));
        Assert.Equal(Shown(second), Shown(await overseer.GetDocumentAsync($"/engagement/report?{period}&page=99")));
        Assert.Equal(Shown(first), Shown(await overseer.GetDocumentAsync($"/engagement/report?{period}&page=-1x")));

        // The public page pages the same way.
        using var visitor = host.CreateHubClient();
        var publicSecond = await visitor.GetDocumentAsync($"/you-said-we-did?{period}&page=2");
        Assert.Equal(Shown(second), Shown(publicSecond));
        Assert.Equal(Opinions.ToString(), Text(publicSecond, "[data-testid=er-opinion-count]"));
    }

    private static List<Guid> Shown(IDocument page) =>
        [.. page.QuerySelectorAll("article[data-opinion]").Select(a => Guid.Parse(a.GetAttribute("data-opinion")!))];

    private static string Text(IDocument page, string selector) => page.QuerySelector(selector)!.TextContent.Trim();
}
