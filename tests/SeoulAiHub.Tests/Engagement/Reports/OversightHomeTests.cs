using System.Globalization;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Reports;

public sealed class OversightHomeTests
{
    private static DateOnly Today => Kst.Today(TimeProvider.System);

    [Theory, OnEveryDatabase]
    public async Task The_home_lists_an_overdue_action_with_its_days_late_and_an_upcoming_visit_with_its_briefing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var s = Guid.NewGuid().ToString("N")[..8];
        var organization = await host.CreateOrganizationAsync();
        var by = (await host.CreateAsync(HubRoles.Operator)).Id;
        var owner = await FollowUpReportPagesTests.NamedUserAsync(host, $"지연담당자 {s}");
        // Due long ago, so that it is among the oldest the home lists whatever else the shared host holds.
        var due = Today.AddYears(-5).AddDays(-Random.Shared.Next(1, 300));
        Guid opinionId, actionId, visitId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var now = DateTimeOffset.UtcNow;
            var opinion = FieldOpinion.Record(OpinionSource.Tenant, null, organization.Id, null, $"지연 의견 {s}", OpinionCategory.Regulation,
                OpinionVisibility.Internal, due.AddDays(-10), by, now);
            var action = ActionItem.Create(opinion, $"지연된 조치 {s}", "규제개선팀", owner, due, due.AddDays(-1), by, now);
            var visit = Visit.Plan(VisitKind.Meeting, $"다가오는 간담회 {s}", Today, "점검", "운영사무국", null, by, now);
            visit.AddGuest($"위원 {s}", "위원", "서울특별시의회", now);
            visit.AddStop(new(10, 0), new(11, 0), null, null, organization.Id, "대표", null, now);
            db.FieldOpinions.Add(opinion);
            db.ActionItems.Add(action);
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            (opinionId, actionId, visitId) = (opinion.Id, action.Id, visit.Id);
        }

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        var page = await overseer.GetDocumentAsync("/oversight");

        var row = page.QuerySelector($"[data-testid=er-overdue-actions] tr[data-action='{actionId}']")!;
        Assert.NotNull(row);
        Assert.Equal($"/engagement/opinions/{opinionId}#action-{actionId}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal((Today.DayNumber - due.DayNumber).ToString(CultureInfo.InvariantCulture),
            row.QuerySelector("[data-days-late]")!.GetAttribute("data-days-late"));
        Assert.Contains($"지연담당자 {s}", row.TextContent, StringComparison.Ordinal);
        Assert.True(int.Parse(page.QuerySelector("[data-testid=er-overdue-count]")!.TextContent, CultureInfo.InvariantCulture) >= 1);

        var visitRow = page.QuerySelector($"[data-testid=er-upcoming] tr[data-visit='{visitId}']")!;
        Assert.NotNull(visitRow);
        var links = visitRow.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/engagement/visits/{visitId}", links);
        Assert.Contains($"/engagement/visits/{visitId}/briefing", links);
        Assert.Contains($"다가오는 간담회 {s}", visitRow.TextContent, StringComparison.Ordinal);

        var hrefs = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/engagement/report", hrefs);
        Assert.Contains("/engagement/actions?overdue=true", hrefs);
    }

    [Theory, OnEveryDatabase]
    public async Task The_chart_has_a_bar_group_per_quarter_and_its_table_holds_the_trends_numbers(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var by = (await host.CreateAsync(HubRoles.Operator)).Id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OpinionDesk>().RecordAsync(OpinionSource.Tenant, null, organization.Id, null,
                "교육과 인재 유출에 관한 시험 의견", OpinionCategory.Education | OpinionCategory.TalentOutflow, OpinionVisibility.Internal, Today, by);
        }

        using var overseer = await host.ClientAsync(HubRoles.Overseer);

        // Other tests may record opinions meanwhile: read the trend before and after the page until they agree.
        for (var attempt = 1; ; attempt++)
        {
            var before = await TrendAsync(host);
            var page = await overseer.GetDocumentAsync("/oversight");
            var after = await TrendAsync(host);
            if (!Same(before, after) && attempt < 5)
            {
                continue;
            }

            Assert.True(Same(before, after), "the trend kept moving");
            AssertChartShows(page, after);
            return;
        }
    }

    private static void AssertChartShows(IDocument page, CategoryTrend trend)
    {
        var svg = page.QuerySelector("svg[role=img][aria-labelledby='er-trend-title er-trend-desc']")!;
        Assert.NotNull(svg);
        Assert.NotNull(svg.QuerySelector("title#er-trend-title"));
        Assert.NotNull(svg.QuerySelector("desc#er-trend-desc"));
        var groups = svg.QuerySelectorAll("g.bar-group").ToList();
        Assert.Equal(OversightSummaries.TrendQuarters, groups.Count);
        Assert.Equal(trend.Quarters.Select(q => q.ShortLabel), groups.Select(g => g.GetAttribute("data-column")));
        for (var i = 0; i < trend.Quarters.Count; i++)
        {
            Assert.Equal(trend.Counts.Values.Sum(v => v[i]).ToString(CultureInfo.InvariantCulture), groups[i].GetAttribute("data-total"));
            foreach (var rect in groups[i].QuerySelectorAll("rect"))
            {
                var category = FieldOpinion.Categories.Single(c => rect.GetAttribute("data-series")
                    == page.QuerySelector($"[data-testid=er-trend-table] tr[data-category={c}] th")!.TextContent.Trim());
                Assert.Equal(trend.Counts[category][i].ToString(CultureInfo.InvariantCulture), rect.GetAttribute("data-value"));
            }
        }

        var table = page.QuerySelector("[data-testid=er-trend-table]")!;
        Assert.Equal(trend.Quarters.Select(q => q.Code), table.QuerySelectorAll("thead th[data-quarter]")
            .Select(th => th.GetAttribute("data-quarter")));
        foreach (var category in FieldOpinion.Categories)
        {
            var cells = table.QuerySelectorAll($"tr[data-category={category}] td[data-quarter]")
                .Select(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture));
            Assert.Equal(trend.Counts[category], cells);
        }

        Assert.True(trend.Counts[OpinionCategory.Education][^1] >= 1);
    }

    private static Task<CategoryTrend> TrendAsync(HubAppFactory host) =>
        host.QueryAsync(db => new OversightSummaries(db, TimeProvider.System).TrendAsync(Today, OversightSummaries.TrendQuarters));

    private static bool Same(CategoryTrend a, CategoryTrend b) =>
        FieldOpinion.Categories.All(c => a.Counts[c].SequenceEqual(b.Counts[c]));
}
