using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

/// <summary>
/// Issue 5's journey on the demo hub's open campaign: a tenant reports with evidence, the operator returns one value, the
/// tenant fixes it, the operator accepts and locks; then the dashboard, the public open data and the printable report
/// (also printed to PDF by Chromium and rendered to PNG by pdftoppm).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutcomesJourney(BrowserFixture browser)
{
    private static readonly byte[] Pdf =
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task A_tenant_reports_the_operator_returns_one_value_the_tenant_fixes_it_and_the_operator_locks()
    {
        var host = browser.Host;
        var malgyeol = await host.QueryAsync(db => db.Organizations.Where(o => o.NameKo == "말결랩스").Select(o => o.Id).SingleAsync());
        var task = await host.QueryAsync(db => db.KpiTasks
            .Where(t => t.OrganizationId == malgyeol && db.KpiCampaigns.Any(c => c.Id == t.CampaignId && c.Status == CampaignStatus.Open))
            .Select(t => new { t.Id, t.CampaignId }).SingleAsync());
        var campaign = await host.QueryAsync(db => db.KpiCampaigns.SingleAsync(c => c.Id == task.CampaignId));
        var kpis = await host.QueryAsync(db => db.KpiDefinitions.Where(k => campaign.KpiIds.Contains(k.Id))
            .OrderBy(k => k.SortOrder).ToListAsync());

        // Last quarter's official values: reporting the same again (revenue a little up) trips no outlier rule.
        var previous = campaign.Period.Previous;
        var last = await host.QueryAsync(db => db.KpiFacts
            .Where(f => f.OrganizationId == malgyeol && f.EndMonth == previous.EndMonth && f.Months == previous.Months)
            .ToDictionaryAsync(f => f.KpiId, f => f.Value));
        var revenue = kpis.Single(k => k.Code == "revenue");
        var values = kpis.ToDictionary(k => k.Code, k => k == revenue ? last[k.Id] * 105 / 100 : last[k.Id]);
        var tenant = await host.CreateAsync(HubRoles.TenantMember, malgyeol);
        var operatorUser = await host.CreateAsync(HubRoles.Operator);

        // The tenant fills in the report, attaches the evidence each non-zero value needs, and submits.
        var desk = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, tenant);
        await desk.GotoAsync($"/outcomes/tasks/{task.Id}");
        foreach (var kpi in kpis)
        {
            await desk.Locator($"#v-{kpi.Code}").FillAsync(values[kpi.Code].ToString("N0",
                System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var kpi in kpis.Where(k => k.EvidenceRequired && values[k.Code] != 0))
        {
            await desk.Locator($"#f-{kpi.Code}").SetInputFilesAsync(new FilePayload { Name = $"{kpi.Code}-증빙.pdf",
                MimeType = "application/pdf", Buffer = Pdf });
        }

        await desk.Locator("#task-form button[type=submit]").First.ClickAsync();
        await desk.WaitForLoadStateAsync();
        await BrowserFixture.AssertAccessibleAsync(desk);
        await browser.ScreenshotAsync(desk, "50-kpi-report-draft");
        await desk.Locator("#submit-button").ClickAsync();
        await desk.Locator("#task-status[data-status='Submitted']").WaitForAsync();
        Assert.Equal(KpiTaskStatus.Submitted, await StatusAsync(task.Id));

        // The operator returns the revenue with a comment and accepts the rest.
        var office = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(office, operatorUser);
        await office.GotoAsync($"/outcomes/tasks/{task.Id}");
        await office.Locator($"input[name='Decisions[{revenue.Id}]'][value='return']").CheckAsync();
        await office.Locator("#c-revenue").FillAsync("세금계산서 합계와 다릅니다. 다시 확인해 주세요.");
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "51-kpi-review");
        await office.Locator("#review-button").ClickAsync();
        await office.Locator("#task-status[data-status='Returned']").WaitForAsync();

        // The tenant sees the comment, fixes the revenue and submits again.
        await desk.GotoAsync($"/outcomes/tasks/{task.Id}");
        await desk.GetByText("세금계산서 합계와 다릅니다").First.WaitForAsync();
        await browser.ScreenshotAsync(desk, "52-kpi-report-returned");
        var fixedRevenue = values["revenue"] + 3_000_000;
        await desk.Locator("#v-revenue").FillAsync(fixedRevenue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await desk.Locator("#submit-button").ClickAsync();
        await desk.Locator("#task-status[data-status='Submitted']").WaitForAsync();

        // The operator accepts and locks the campaign: the values become official.
        await office.GotoAsync($"/outcomes/tasks/{task.Id}");
        await office.Locator("#review-button").ClickAsync();
        await office.Locator("#task-status[data-status='Accepted']").WaitForAsync();
        await office.GotoAsync($"/outcomes/campaigns/{task.CampaignId}?confirm=true");
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "53-campaign-lock");
        await office.Locator("#lock-form button[type=submit]").ClickAsync();
        await office.WaitForLoadStateAsync();
        Assert.Equal(CampaignStatus.Locked, await host.QueryAsync(db => db.KpiCampaigns.Where(c => c.Id == task.CampaignId)
            .Select(c => c.Status).SingleAsync()));
        Assert.Equal(fixedRevenue, await host.QueryAsync(db => db.KpiFacts
            .Where(f => f.OrganizationId == malgyeol && f.KpiId == revenue.Id && f.EndMonth == campaign.PeriodEndMonth)
            .Select(f => f.Value).SingleAsync()));

        // The dashboard now opens on the locked quarter.
        await office.GotoAsync("/outcomes");
        await office.Locator("main").GetByText(campaign.Period.Label(false)).First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "54-outcomes-dashboard");

        // The performance report for the year so far: on screen, printed to PDF (A4), and the PDF's pages as PNG.
        var report = $"/outcomes/report?period={campaign.Period.Code}";
        await office.GotoAsync(report);
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "55-performance-report");
        var pdfPath = Path.Combine(browser.ScreenshotDirectory, "56-performance-report.pdf");
        await office.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await office.PdfAsync(new PagePdfOptions { Path = pdfPath, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        var pages = await PdfToPngAsync(pdfPath, Path.Combine(browser.ScreenshotDirectory, "56-performance-report-print"));
        Assert.True(pages >= 2, $"the printed report has {pages} page(s)");

        // The public sees the open-data version: aggregates only.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/open-data");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        Assert.Equal(0, await visitor.Locator("main").GetByText("말결랩스").CountAsync());
        await browser.ScreenshotAsync(visitor, "57-open-data");

        // Closed so the report page's autosave stops calling the shared server during the journeys that follow.
        foreach (var page in new[] { desk, office, visitor })
        {
            await page.Context.CloseAsync();
        }
    }

    private Task<KpiTaskStatus> StatusAsync(Guid taskId) =>
        browser.Host.QueryAsync(db => db.KpiTasks.Where(t => t.Id == taskId).Select(t => t.Status).SingleAsync());

    /// <summary>Renders each page of the PDF to PNG with pdftoppm (poppler-utils, installed by test.sh); returns the page count.</summary>
    internal static async Task<int> PdfToPngAsync(string pdf, string prefix)
    {
        var directory = Path.GetDirectoryName(prefix)!;
        foreach (var old in Directory.GetFiles(directory, Path.GetFileName(prefix) + "-*.png"))
        {
            File.Delete(old);
        }

        using var process = Process.Start(new ProcessStartInfo("pdftoppm",
            ["-png", "-r", "60", pdf, prefix]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pdftoppm failed: " + error);
        return Directory.GetFiles(directory, Path.GetFileName(prefix) + "-*.png").Length;
    }
}
