using System.Net;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Figures.FiguresPages;

namespace SeoulAiHub.Tests.Outcomes.Figures;

/// <summary>The dashboard for operators and overseers: the model's figures, and bad filters answered with a message.</summary>
public sealed class DashboardPageTests
{
    [Theory, OnEveryDatabase]
    public async Task The_dashboard_shows_the_figures_of_the_model_for_operators_and_overseers(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var f = await FiguresFixture.CreateAsync(host);
        var expected = await f.DashboardAsync(host, FiguresFixture.Q1, FiguresFixture.Q2, isPublic: false);
        var figures = FiguresFixture.Figures(expected);
        var headcount = expected.Kpis.Single(k => k.Kpi.Code == "headcount");
        Assert.Equal(Enumerable.Range(0, 4).Sum(i => FiguresFixture.Headcount(i, 2)), headcount.Current.Sum);   // 12+13+14+15
        Assert.Equal(4, headcount.Current.Reporting);

        foreach (var role in new[] { HubRoles.Operator, HubRoles.Overseer })
        {
            using var client = await host.ClientAsync(role);
            var page = await client.GetDocumentAsync($"/outcomes?{f.Query}&kpi=headcount");
            var cells = Cells(page);

            // Every KPI's trend, and the breakdowns of the KPI chosen, exactly as the model has them.
            foreach (var k in expected.Kpis.Where(k => FiguresFixture.Standard.Contains(k.Kpi.Code)))
            {
                foreach (var p in expected.Periods)
                {
                    Assert.Equal(Raw(figures[$"{k.Kpi.Code}|total|{p.Code}"]), cells[$"{k.Kpi.Code}|total|{p.Code}"]);
                }

                Assert.Equal(Raw(k.Current.Sum), cells[$"{k.Kpi.Code}|current|{FiguresFixture.Q2.Code}"]);
            }

            Assert.Equal("54", cells["headcount|total|2025-Q2"]);
            Assert.Equal("39", cells["headcount|type|Startup"]);
            Assert.Equal("15", cells["headcount|type|University"]);
            foreach (var (key, value) in cells.Where(c => !c.Key.Contains("|current|", StringComparison.Ordinal)))
            {
                Assert.Equal(Raw(figures[key]), value);
            }

            // Charts with their text alternatives, and the movers naming organizations with links.
            Assert.NotNull(page.QuerySelector("svg[role=img] title#trend-headcount-title"));
            Assert.NotNull(page.QuerySelector("svg[role=img] title#type-headcount-title"));
            Assert.Contains(page.QuerySelectorAll("[data-testid=movers] a"),
                a => a.GetAttribute("href") == $"/organizations/{f.Organizations[3].Id}");
            Assert.Contains("54명", page.QuerySelector("li.of-card[data-kpi=headcount] strong")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task Bad_filters_get_a_clear_message_not_an_error_page(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        using var anonymous = host.CreateHubClient();
        (HubClient Client, string Url, string Message)[] cases =
        [
            (overseer, "/outcomes?from=2025-Q9", "기간 형식이 올바르지 않습니다"),
            (overseer, "/outcomes?from=2025-Q4&to=2025-Q1", "시작 기간이 종료 기간보다 늦습니다"),
            (overseer, $"/outcomes?site={Guid.NewGuid()}", "알 수 없는 거점입니다"),
            (overseer, "/outcomes?site=nowhere&grain=week", "알 수 없는 거점입니다"),
            (overseer, "/outcomes?from=2025-Q1&to=2025-H2", "기간 단위가 같아야"),
            (overseer, "/outcomes/report?period=2025-Q9", "기간 형식이 올바르지 않습니다"),
            (anonymous, "/open-data?to=2025-Q5", "기간 형식이 올바르지 않습니다"),
            (anonymous, "/open-data?kpi=nonsense", "알 수 없는 성과지표입니다"),
        ];
        foreach (var (client, url, message) in cases)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            var page = await HubClient.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector("[data-testid=filter-errors]")?.TextContent ?? "", StringComparison.Ordinal);
        }

        foreach (var url in new[] { "/api/outcomes/aggregates?from=2025-Q9", "/open-data/outcomes.csv?from=2025-Q3&to=2025-Q1",
            "/open-data/outcomes.json?site=x" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("application/problem+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.Contains("filter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var xlsx = await overseer.GetAsync("/outcomes/report.xlsx?period=2025-Q9");
        Assert.Equal(HttpStatusCode.BadRequest, xlsx.StatusCode);
    }
}
