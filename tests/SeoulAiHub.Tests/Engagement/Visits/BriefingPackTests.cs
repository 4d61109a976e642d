using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Features.Engagement.Demo;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Infrastructure.TestDates;

namespace SeoulAiHub.Tests.Engagement.Visits;

/// <summary>The briefing pack of the article's visit: the four organizations with their profile, KPIs, programs and
/// open opinions; printable, and downloadable as one self-contained file.</summary>
public sealed class BriefingPackTests
{
    private static readonly string[] Visited = ["한국인공지능산업협회", "국가 AI연구거점", "KAIST 김재철AI대학원", "공군 AI신기술융합센터"];

    [Theory, OnEveryDatabase]
    public async Task The_article_visit_briefing_shows_each_stop_and_downloads_self_contained(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var id = await host.QueryAsync(db => db.Visits.Where(v => v.Title == DemoEngagement.ArticleVisitTitle)
            .Select(v => v.Id).SingleAsync());
        using var op = await host.ClientAsync(HubRoles.Operator);
        var url = $"/engagement/visits/{id}/briefing";
        var page = await op.GetDocumentAsync(url);

        // The cover: the guests with title and affiliation, the whole itinerary.
        var participants = page.QuerySelector("#briefing-participants")!.TextContent;
        Assert.Contains("최호정", participants, StringComparison.Ordinal);
        Assert.Contains("의장", participants, StringComparison.Ordinal);
        Assert.Contains("서울특별시의회", participants, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("#briefing-itinerary tbody tr").Length);

        // One section per stop, in order, each about its organization.
        var stops = page.QuerySelectorAll("section.ev-stop").ToList();
        Assert.Equal(4, stops.Count);
        for (var i = 0; i < Visited.Length; i++)
        {
            Assert.Contains(Visited[i], stops[i].QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(stops[i].QuerySelector(".ev-profile"));
        }

        // KPIs with the last quarter's value, change and trend; programs; the opinions still open with their actions.
        var kpiRows = page.QuerySelectorAll("table.ev-kpis tbody tr").ToList();
        Assert.NotEmpty(kpiRows);
        Assert.All(kpiRows, r => Assert.Equal(4, r.Children.Length));
        Assert.Contains(kpiRows, r => r.QuerySelector(".ev-trend-values")!.TextContent.Contains('→'));
        // Programs: every stop says which (or that there are none), and all the organizations' ongoing ones are listed.
        Assert.All(stops, s => Assert.True(s.QuerySelector(".ev-programs") is not null ||
            s.TextContent.Contains("참여 중인 지원사업이 없습니다", StringComparison.Ordinal)));
        var takingPart = await host.QueryAsync(db => db.Applications.CountAsync(a => Visited.Contains(a.Organization.NameKo) &&
            (a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.Agreement ||
            a.Status == ApplicationStatus.InProgress || a.Status == ApplicationStatus.Completed)));
        Assert.Equal(takingPart, page.QuerySelectorAll(".ev-programs li").Length);

        // (The article's organizations may take part in none in the demo: a visit to an awardee shows its program.)
        var awardee = await host.QueryAsync(db => db.Applications
            .Where(a => a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.Agreement ||
                a.Status == ApplicationStatus.InProgress || a.Status == ApplicationStatus.Completed)
            .Select(a => new { a.OrganizationId, a.Call.Program.NameKo }).FirstAsync());
        var toAwardee = await host.PlanAsync(KstToday.AddDays(5), awardee.OrganizationId);
        var awardeePack = await op.GetDocumentAsync($"/engagement/visits/{toAwardee.Id}/briefing");
        Assert.Contains(awardee.NameKo, awardeePack.QuerySelector(".ev-programs")!.TextContent, StringComparison.Ordinal);
        var open = page.QuerySelectorAll(".ev-open-opinions > li").Select(li => li.TextContent).ToList();
        // The association's demonstration opinion is underway; KAIST's talent opinion is completed, so not in the pack.
        Assert.Contains("실증사업 확대", stops[0].QuerySelector(".ev-open-opinions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(open, text => text.Contains("해외·대기업 유출", StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll(".ev-open-opinions table.ev-actions tbody tr"));

        // Printing is a button wired by a script file (no inline script under the CSP).
        Assert.NotNull(page.QuerySelector("button[data-print]"));
        Assert.NotNull(page.QuerySelector("script[src*='/js/engagement-briefing.js']"));
        Assert.Empty(page.QuerySelectorAll("main script:not([src])"));

        // The download: an attachment with the same content and its styles inside.
        using var download = await op.GetAsync(url + "?download=1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType ?? HeaderDisposition(download));
        Assert.Contains("briefing-2025-07-21.html", download.Content.Headers.ContentDisposition?.ToString() ?? HeaderDisposition(download),
            StringComparison.Ordinal);
        var html = await download.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains(".ev-briefing", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        var document = await HubClient.ParseAsync(download);
        Assert.Equal(4, document.QuerySelectorAll("section.ev-stop").Length);
        Assert.Equal(kpiRows.Count, document.QuerySelectorAll("table.ev-kpis tbody tr").Length);
        Assert.All(Visited, name => Assert.Contains(name, html, StringComparison.Ordinal));
    }

    private static string HeaderDisposition(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Disposition", out var values) ? string.Join(";", values) : "";
}
