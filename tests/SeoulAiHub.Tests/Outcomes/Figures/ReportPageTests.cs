using System.Globalization;
using System.Net;
using MiniExcelLibs;
using SeoulAiHub.Features.Outcomes.Figures;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Figures.FiguresPages;

namespace SeoulAiHub.Tests.Outcomes.Figures;

/// <summary>The council's report and its workbook show the dashboard's figures.</summary>
public sealed class ReportPageTests
{
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

        static long? Number(object? cell) => cell is null || (cell is string s && s.Length == 0) ? null
            : Convert.ToInt64(cell, CultureInfo.InvariantCulture);
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
            .ToDictionary(r => $"{r["지표 코드"]}|total|{r["기간"]}", r => Number(r["값"]))
            .Where(x => FiguresFixture.IsStandard(x.Key)).ToDictionary();
        Assert.Equal(figures.Where(x => x.Key.Contains("|total|", StringComparison.Ordinal)).ToDictionary(), trend);
        var byType = stream.Query(useHeaderRow: true, sheetName: "ByType").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => $"{r["지표 코드"]}|type|{r["유형 코드"]}", r => Number(r["값"]))
            .Where(x => FiguresFixture.IsStandard(x.Key)).ToDictionary();
        Assert.Equal(figures.Where(x => x.Key.Contains("|type|", StringComparison.Ordinal)).ToDictionary(), byType);
        var byDomain = stream.Query(useHeaderRow: true, sheetName: "ByDomain").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => $"{r["지표 코드"]}|domain|{r["분야 코드"]}", r => Number(r["값"]))
            .Where(x => FiguresFixture.IsStandard(x.Key)).ToDictionary();
        Assert.Equal(figures.Where(x => x.Key.Contains("|domain|", StringComparison.Ordinal)).ToDictionary(), byDomain);
    }
}
