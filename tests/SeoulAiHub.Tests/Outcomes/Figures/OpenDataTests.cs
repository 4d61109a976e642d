using System.Globalization;
using System.Net;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using SeoulAiHub.Features.Outcomes.Figures;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Figures.FiguresPages;

namespace SeoulAiHub.Tests.Outcomes.Figures;

/// <summary>Open data: the CSV, JSON and API carry the dashboard's figures, and the public page withholds small groups.</summary>
public sealed class OpenDataTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Dictionary<string, long?> Rows(AggregateSet set) =>
        FiguresFixture.OnlyStandard(set.Rows.ToDictionary(Key, r => r.Value));

    private static string Key(AggregateRow r) => $"{r.Kpi}|{r.Segment}|{(r.Segment == OpenDataRows.Total ? r.Period : r.Key)}";

    [Theory, OnEveryDatabase]
    public async Task Csv_json_and_the_api_carry_exactly_the_dashboards_figures(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var f = await FiguresFixture.CreateAsync(host);
        var open = FiguresFixture.OnlyStandard(FiguresFixture.Figures(await f.DashboardAsync(host, FiguresFixture.Q1,
            FiguresFixture.Q2, isPublic: true)));
        var full = FiguresFixture.OnlyStandard(FiguresFixture.Figures(await f.DashboardAsync(host, FiguresFixture.Q1,
            FiguresFixture.Q2, isPublic: false)));
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
            Assert.Equal(string.IsNullOrEmpty(value) && int.Parse(csv.GetField(11)!, CultureInfo.InvariantCulture) > 0,
                csv.GetField(15) == "Y");
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
}
