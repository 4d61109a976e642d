using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

/// <summary>
/// Issue 6's journey, the article's own visit replayed: an operator plans it with its guests and four stops, prints the
/// briefing pack, records three opinions heard on the day, turns one into an action, closes the action, and the visit's
/// follow-up report shows it done; then the overseer home and the public "you said, we did" page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EngagementJourney(BrowserFixture browser)
{
    private const string Title = "서울특별시의회 의장 서울AI허브 현장방문 (여정 시험)";

    [Fact]
    public async Task An_operator_plans_the_articles_visit_prints_the_briefing_records_opinions_and_the_report_shows_the_closed_action()
    {
        var host = browser.Host;
        var operatorUser = await host.CreateAsync(HubRoles.Operator);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, operatorUser);

        // Plan the visit: header, then the article's four guests.
        await page.GotoAsync("/engagement/visits/new");
        await page.Locator("#v-date").FillAsync("2025-07-21");
        await page.Locator("#v-title").FillAsync(Title);
        await page.Locator("#v-purpose").FillAsync("AI 산업 현장 점검과 입주기업 애로사항 청취");
        await page.Locator("#v-site").SelectOptionAsync(new SelectOptionValue { Label = "서울AI허브" });
        await page.Locator("#visit-new button[type=submit]").ClickAsync();
        await page.ArriveAsync(VisitUrl());
        var visitId = Guid.Parse(VisitUrl().Match(page.Url).Groups[1].Value);

        foreach (var (name, title, affiliation) in new[]
        {
            ("최호정", "의장", "서울특별시의회"), ("신동욱", "국회의원", "대한민국 국회"),
            ("김태균", "행정1부시장", "서울특별시"), ("박찬진", "센터장", "서울AI허브"),
        })
        {
            await page.Locator("#g-name").FillAsync(name);
            await page.Locator("#g-title").FillAsync(title);
            await page.Locator("#g-aff").FillAsync(affiliation);
            await page.Locator("#add-guest button[type=submit]").ClickAsync();
            await page.Locator("#participants-table").GetByText(name).WaitForAsync();
        }

        // Four stops, back to back, in the order the delegation walked the floors.
        foreach (var (start, end, organization, place, briefer) in new[]
        {
            ("14:00", "14:30", "한국인공지능산업협회", "2층 201호", "협회 사무국장"),
            ("14:30", "15:10", "국가 AI연구거점", "5층 502호", "김기응 센터장"),
            ("15:10", "15:50", "KAIST 김재철AI대학원", "5층 501호", "정송 원장"),
            ("15:50", "16:20", "공군 AI신기술융합센터", "4층 401호", "센터 관계자"),
        })
        {
            await page.Locator("#s-start").FillAsync(start);
            await page.Locator("#s-end").FillAsync(end);
            await page.Locator("#s-org").SelectOptionAsync(new SelectOptionValue { Label = organization });
            await page.Locator("#s-site").SelectOptionAsync(new SelectOptionValue { Label = "서울AI허브" });
            await page.Locator("#s-place").FillAsync(place);
            await page.Locator("#s-brief").FillAsync(briefer);
            await page.Locator("#add-stop button[type=submit]").ClickAsync();
            await page.Locator("#itinerary-table").GetByText(place).WaitForAsync();
        }

        Assert.Equal(4, await page.Locator("#itinerary-table tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("#itinerary-table tr.ev-flagged").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "60-visit-planned");

        // The briefing pack: one section per stop, printed by Chromium to A4 and the pages rendered to PNG.
        await page.GotoAsync($"/engagement/visits/{visitId}/briefing");
        await page.Locator("main").GetByText("국가 AI연구거점").First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "61-briefing-pack");
        var pdf = Path.Combine(browser.ScreenshotDirectory, "62-briefing-pack.pdf");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.True(await OutcomesJourney.PdfToPngAsync(pdf, Path.Combine(browser.ScreenshotDirectory, "62-briefing-pack-print")) >= 2);
        var download = await page.Context.APIRequest.GetAsync($"/engagement/visits/{visitId}/briefing?download=1");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("공군 AI신기술융합센터", await download.TextAsync(), StringComparison.Ordinal);

        // Three opinions heard on the day, recorded from the visit page.
        await page.GotoAsync($"/engagement/visits/{visitId}");
        var opinions = new[]
        {
            ("KAIST 김재철AI대학원", "정송 원장", "졸업생 상당수가 해외와 대기업으로 떠납니다. 서울시가 인재 유출을 막을 장기 전략을 세워 주십시오.", "TalentOutflow", "Public"),
            ("한국인공지능산업협회", "협회 사무국장", "회원사들이 공공 실증 사업에 참여할 기회가 더 필요합니다.", "Demonstration", "Public"),
            ("국가 AI연구거점", "김기응 센터장", "연구 장비 예산의 집행 절차가 복잡합니다.", "Funding", "Internal"),
        };
        foreach (var (organization, speaker, text, category, visibility) in opinions)
        {
            await page.Locator("#o-text").FillAsync(text);
            await page.Locator("#o-speaker").FillAsync(speaker);
            await page.Locator("#o-org").SelectOptionAsync(new SelectOptionValue { Label = organization });
            await page.Locator($"#record-opinion input[name='Opinion.Categories'][value='{category}']").CheckAsync();
            await page.Locator($"#record-opinion input[name='Opinion.Visibility'][value='{visibility}']").CheckAsync();
            await page.Locator("#record-opinion button[type=submit]").ClickAsync();
            await page.Locator("#opinions").GetByText(text[..20]).WaitForAsync();
        }

        Assert.Equal(3, await page.Locator("#opinions ul.ev-opinions li").CountAsync());
        await browser.ScreenshotAsync(page, "63-visit-opinions");

        // The talent-outflow opinion becomes an action owned by the operator, due in a month.
        await page.Locator("#opinions").GetByText("졸업생 상당수가").ClickAsync();
        await page.Locator("#opinion-text").WaitForAsync();
        await page.Locator("details:has(#add-action-form) > summary").ClickAsync();
        await page.Locator("#na-title").FillAsync("AI 인재 정착 지원 장기 전략 수립");
        await page.Locator("#na-dept").FillAsync("서울시 AI정책과");
        await page.Locator("#na-owner").SelectOptionAsync(operatorUser.Id.ToString());
        await page.Locator("#na-due").FillAsync(DateTime.Today.AddDays(30)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#add-action-form button[type=submit]").ClickAsync();
        var action = page.Locator("article.eo-action");
        await action.WaitForAsync();
        var actionId = (await action.GetAttributeAsync("id"))!["action-".Length..];
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "64-opinion-action");

        // The action is done: the status moves with the note that says what was done.
        await page.Locator($"#action-{actionId} details summary").ClickAsync();
        await page.Locator($"#mv-status-{actionId}").SelectOptionAsync(nameof(ActionStatus.Done));
        await page.Locator($"#mv-note-{actionId}").FillAsync("AI 인재 정착 지원 5개년 계획을 수립해 시의회에 보고함");
        await page.Locator($"#move-{actionId} button[type=submit]").ClickAsync();
        await page.Locator("#history").GetByText("5개년 계획").First.WaitForAsync();
        Assert.Equal(ActionStatus.Done, await host.QueryAsync(db => db.ActionItems.Where(a => a.Id == Guid.Parse(actionId))
            .Select(a => a.Status).SingleAsync()));

        // The visit's follow-up report: the opinion, its action, done, and what was done.
        await page.GotoAsync($"/engagement/visits/{visitId}/report");
        var report = page.Locator("main");
        await report.GetByText("AI 인재 정착 지원 장기 전략 수립").WaitForAsync();
        await report.GetByText("5개년 계획을 수립해").First.WaitForAsync();
        Assert.True(await report.GetByText("완료").CountAsync() > 0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "65-visit-follow-up-report");

        // The council's view, and the public page for the month of the visit (opinions count from the day they were said).
        var overseer = await host.CreateAsync(HubRoles.Overseer);
        var council = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(council, overseer);
        await council.GotoAsync("/oversight");
        await council.Locator("main svg").First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(council);
        await browser.ScreenshotAsync(council, "66-oversight-home");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/you-said-we-did?from=2025-07-01&to=2025-07-31");
        await visitor.Locator("main").GetByText("5개년 계획을 수립해").First.WaitForAsync();
        Assert.Equal(0, await visitor.Locator("main").GetByText("연구 장비 예산").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await browser.ScreenshotAsync(visitor, "67-you-said-we-did");

        foreach (var p in new[] { page, council, visitor })
        {
            await p.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"/engagement/visits/([0-9a-f-]{36})$")]
    private static partial Regex VisitUrl();
}
