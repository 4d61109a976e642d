using System.Globalization;
using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using CsvHelper;
using MiniExcelLibs;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Outcomes.Figures;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Outcomes.Figures;

public sealed class FiguresPagesTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Dictionary<string, string> Cells(IDocument page) =>
        page.QuerySelectorAll("td[data-fig]").Where(td => FiguresFixture.IsStandard(td.GetAttribute("data-fig")!))
            .ToDictionary(td => td.GetAttribute("data-fig")!, td => td.GetAttribute("data-value")!);

    private static Dictionary<string, long?> Rows(AggregateSet set) =>
        FiguresFixture.OnlyStandard(set.Rows.ToDictionary(Key, r => r.Value));

    private static string Key(AggregateRow r) => $"{r.Kpi}|{r.Segment}|{(r.Segment == OpenDataRows.Total ? r.Period : r.Key)}";

    private static string Raw(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

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
            Assert.Contains(page.QuerySelectorAll("[data-testid=movers] a"), a => a.GetAttribute("href") == $"/organizations/{f.Organizations[3].Id}");
            Assert.Contains("54명", page.QuerySelector("li.of-card[data-kpi=headcount] strong")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task Csv_json_and_the_api_carry_exactly_the_dashboards_figures(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var f = await FiguresFixture.CreateAsync(host);
        var open = FiguresFixture.OnlyStandard(FiguresFixture.Figures(await f.DashboardAsync(host, FiguresFixture.Q1, FiguresFixture.Q2, isPublic: true)));
        var full = FiguresFixture.OnlyStandard(FiguresFixture.Figures(await f.DashboardAsync(host, FiguresFixture.Q1, FiguresFixture.Q2, isPublic: false)));
        Assert.NotEqual(open, full);   // the university alone is withheld publicly

        using var anonymous = host.CreateHubClient();
        var json = await anonymous.Http.GetFromJsonAsync<AggregateSet>($"/open-data/outcomes.json?{f.Query}", Json);
        Assert.True(json!.Public);
        Assert.Equal(open, Rows(json));
        Assert.All(json.Rows.Where(r => r.Withheld), r => Assert.Null(r.Value));

        var api = await anonymous.Http.GetFromJsonAsync<AggregateSet>($"/api/outcomes/aggregates?{f.Query}", Json);
        Assert.Equal(open, Rows(api!));

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        var unsuppressed = await overseer.Http.GetFromJsonAsync<AggregateSet>($"/api/outcomes/aggregates?{f.Query}", Json);
        Assert.False(unsuppressed!.Public);
        Assert.Equal(full, Rows(unsuppressed));

        using var response = await anonymous.GetAsync($"/open-data/outcomes.csv?{f.Query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
        Assert.True(await csv.ReadAsync() && csv.ReadHeader());
        Assert.Equal(OpenDataRows.Headers, csv.HeaderRecord);
        var fromCsv = new Dictionary<string, long?>();
        while (await csv.ReadAsync())
        {
            var segment = csv.GetField(6)!;
            var value = csv.GetField(10);
            fromCsv[$"{csv.GetField(1)}|{segment}|{(segment == OpenDataRows.Total ? csv.GetField(0) : csv.GetField(7))}"] =
                string.IsNullOrEmpty(value) ? null : long.Parse(value, CultureInfo.InvariantCulture);
            Assert.Equal(string.IsNullOrEmpty(value) && int.Parse(csv.GetField(11)!, CultureInfo.InvariantCulture) > 0, csv.GetField(15) == "Y");
        }

        Assert.Equal(open, FiguresFixture.OnlyStandard(fromCsv));
    }

    [Theory, OnEveryDatabase]
    public async Task The_public_page_withholds_small_groups_and_names_no_organization(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var f = await FiguresFixture.CreateAsync(host);
        var open = await f.DashboardAsync(host, FiguresFixture.Q1, FiguresFixture.Q2, isPublic: true);
        var full = await f.DashboardAsync(host, FiguresFixture.Q1, FiguresFixture.Q2, isPublic: false);

        using var anonymous = host.CreateHubClient();
        foreach (var kpi in FiguresFixture.Kpis)
        {
            var page = await anonymous.GetDocumentAsync($"/open-data?{f.Query}&kpi={kpi}");
            var html = page.DocumentElement.OuterHtml;
            Assert.All(f.Organizations, o =>
            {
                Assert.DoesNotContain(o.NameKo, html, StringComparison.Ordinal);
                Assert.DoesNotContain(o.NameEn, html, StringComparison.Ordinal);
                Assert.DoesNotContain(o.Id.ToString(), html, StringComparison.Ordinal);
            });
            Assert.Empty(page.QuerySelectorAll("[data-testid=movers]"));

            var cells = Cells(page);
            var shown = FiguresFixture.Figures(open);
            foreach (var (key, value) in cells.Where(c => !c.Key.Contains("|current|", StringComparison.Ordinal)))
            {
                Assert.Equal(Raw(shown[key]), value);
            }

            // The university is alone in its type: withheld, and the startups with it (else 54 − 39 would give it away).
            var university = page.QuerySelector($"td[data-fig='{kpi}|type|University']")!;
            Assert.Equal("", university.GetAttribute("data-value"));
            Assert.Contains("3개 기관 미만", university.TextContent, StringComparison.Ordinal);
            Assert.Equal("", cells[$"{kpi}|type|Startup"]);
        }

        // Nothing public comes from fewer than three organizations.
        Assert.All(open.Kpis.SelectMany(k => k.Trend.Concat(k.ByType.Select(s => s.Figure)).Concat(k.ByDomain.Select(s => s.Figure))),
            fig => Assert.True(fig.Sum is null || fig.Reporting >= 3));
        Assert.Contains(full.Kpis.Single(k => k.Kpi.Code == "headcount").ByType, s => s.Key == "University" && s.Figure.Sum == 15);
    }

    [Theory, OnEveryDatabase]
    public async Task The_report_and_its_workbook_show_the_dashboards_figures(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var f = await FiguresFixture.CreateAsync(host);
        var period = FiguresFixture.Q2;
        var model = await f.DashboardAsync(host, FigureQueries.First(period, PerformanceReports.TrendPeriods), period, isPublic: false);
        var figures = FiguresFixture.OnlyStandard(FiguresFixture.Figures(model));

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        var page = await overseer.GetDocumentAsync($"/outcomes/report?period={period.Code}&site={f.SiteId}");
        Assert.Contains(period.Label(false), page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var cells = Cells(page);
        foreach (var (key, value) in cells.Where(c => !c.Key.Contains("|current|", StringComparison.Ordinal)))
        {
            Assert.Equal(Raw(figures[key]), value);
        }

        Assert.Equal(8 * FiguresFixture.Standard.Count, cells.Keys.Count(k => k.Contains("|total|", StringComparison.Ordinal)));
        Assert.All(FiguresFixture.Standard, code => Assert.NotNull(page.QuerySelector($"svg.line-chart title#trend-{code}-title")));
        Assert.Equal("39", cells["headcount|type|Startup"]);

        using var response = await overseer.GetAsync($"/outcomes/report.xlsx?period={period.Code}&site={f.SiteId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(ReportWorkbook.SheetNames, MiniExcel.GetSheetNames(stream));

        static long? Number(object? cell) => cell is null || (cell is string s && s.Length == 0) ? null : Convert.ToInt64(cell, CultureInfo.InvariantCulture);
        var summary = stream.Query(useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object?>>()
            .Where(r => FiguresFixture.Standard.Contains((string)r["지표 코드"]!)).ToList();
        var standard = model.Kpis.Where(k => FiguresFixture.Standard.Contains(k.Kpi.Code)).ToList();
        Assert.Equal(standard.Select(k => k.Kpi.Code), summary.Select(r => (string)r["지표 코드"]!));
        foreach (var k in standard)
        {
            var row = summary.Single(r => (string)r["지표 코드"]! == k.Kpi.Code);
            Assert.Equal(k.Current.Sum, Number(row["값"]));
            Assert.Equal(k.Previous.Sum, Number(row["직전 기간 값"]));
            Assert.Equal(k.Current.Reporting, Number(row["보고 기관 수"]));
        }

        Assert.IsType<double>(summary.Single(r => (string)r["지표 코드"]! == "headcount")["값"]);   // a number, not text
        var trend = stream.Query(useHeaderRow: true, sheetName: "Trend").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => $"{r["지표 코드"]}|total|{r["기간"]}", r => Number(r["값"])).Where(x => FiguresFixture.IsStandard(x.Key)).ToDictionary();
        Assert.Equal(figures.Where(x => x.Key.Contains("|total|", StringComparison.Ordinal)).ToDictionary(), trend);
        var byType = stream.Query(useHeaderRow: true, sheetName: "ByType").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => $"{r["지표 코드"]}|type|{r["유형 코드"]}", r => Number(r["값"])).Where(x => FiguresFixture.IsStandard(x.Key)).ToDictionary();
        Assert.Equal(figures.Where(x => x.Key.Contains("|type|", StringComparison.Ordinal)).ToDictionary(), byType);
        var byDomain = stream.Query(useHeaderRow: true, sheetName: "ByDomain").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => $"{r["지표 코드"]}|domain|{r["분야 코드"]}", r => Number(r["값"])).Where(x => FiguresFixture.IsStandard(x.Key)).ToDictionary();
        Assert.Equal(figures.Where(x => x.Key.Contains("|domain|", StringComparison.Ordinal)).ToDictionary(), byDomain);
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

        foreach (var url in new[] { "/api/outcomes/aggregates?from=2025-Q9", "/open-data/outcomes.csv?from=2025-Q3&to=2025-Q1", "/open-data/outcomes.json?site=x" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("application/problem+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.Contains("filter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var xlsx = await overseer.GetAsync("/outcomes/report.xlsx?period=2025-Q9");
        Assert.Equal(HttpStatusCode.BadRequest, xlsx.StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task Only_operators_and_overseers_open_the_dashboard_and_the_report(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var tenantOrg = await host.CreateOrganizationAsync();
        foreach (var url in new[] { "/outcomes", "/outcomes/report", "/outcomes/report.xlsx", $"/outcomes/programs/{Guid.NewGuid()}" })
        {
            using var anonymous = host.CreateHubClient();
            using var toSignIn = await anonymous.GetAsync(url);
            Assert.Contains("/account/sign-in", toSignIn.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            using var tenant = await host.ClientAsync(HubRoles.TenantMember, tenantOrg.Id);
            using var denied = await tenant.GetAsync(url);
            Assert.Contains("/account/access-denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        using var overseer = await host.ClientAsync(HubRoles.Overseer);
        using var unknown = await overseer.GetAsync($"/outcomes/programs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
