using System.Text.RegularExpressions;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.BrowserTests;

/// <summary>Issue 4's journey: a call published, two startups applying with a document, two reviewers, a selection.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgramsJourney(BrowserFixture browser)
{
    private static readonly byte[] Pdf =
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task An_operator_publishes_a_call_startups_apply_two_reviewers_score_and_the_selected_startup_sees_its_result()
    {
        var host = browser.Host;
        var operatorUser = await host.CreateAsync(HubRoles.Operator);
        var reviewers = new[] { await host.CreateAsync(HubRoles.Reviewer), await host.CreateAsync(HubRoles.Reviewer) };
        var organizations = await host.QueryAsync(db => db.Organizations.Where(o => o.NameKo == "말결랩스" || o.NameKo == "눈빛비전")
            .OrderBy(o => o.NameKo).Select(o => new { o.Id, o.NameKo }).ToListAsync());
        var program = await host.QueryAsync(db => db.Programs.Where(p => p.Kind == ProgramKind.RndGrant).Select(p => p.Id).FirstAsync());

        // The operator writes and publishes the call.
        var office = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(office, operatorUser);
        await office.GotoAsync("/programs");
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "40-programs");
        await office.GotoAsync($"/calls/new?program={program}");
        var now = DateTimeOffset.UtcNow.ToKst();
        await office.Locator("#Input_TitleKo").FillAsync("AI 비전 검사 실증 과제 공모");
        await office.Locator("#Input_TitleEn").FillAsync("AI vision inspection demonstration call");
        await office.Locator("#Input_BodyKo").FillAsync("## 지원 내용\n\n- 과제당 최대 **8천만 원**\n- 서류평가");
        await office.Locator("#Input_OpensAt").FillAsync(now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await office.Locator("#Input_ClosesAt").FillAsync(now.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await office.Locator("#Input_BudgetKrw").FillAsync("100000000");
        await office.Locator("#Input_MaxAwards").FillAsync("1");
        await office.Locator("#Input_AppealDays").FillAsync("7");
        await office.Locator("input[name='Input.Types'][value='Startup']").CheckAsync();
        await office.Locator("#Input_FieldsText").FillAsync("summary | 과제 요약 | Project summary | text | required");
        await office.Locator("#Input_DocumentsText").FillAsync("plan | 사업계획서 | Business plan");
        await office.Locator("#Input_StagesText")
            .FillAsync("# paper | 서류평가 | Document review\ntech | 기술성 | Technology | 60 | 10\nmarket | 시장성 | Marketability | 40 | 10");
        await office.Locator("form.call-form > button[type=submit]").ClickAsync();
        await office.ArriveAsync(new Regex("/calls/[^/]+/edit"));
        var callId = Guid.Parse(office.Url.Split("/calls/")[1].Split('/')[0]);
        await office.Locator("form[action*='handler=Publish'] button").ClickAsync();
        await office.WaitForLoadStateAsync();
        Assert.Equal(CallStatus.Published, await host.QueryAsync(db => db.Calls.Where(c => c.Id == callId)
            .Select(c => c.Status).SingleAsync()));
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "41-call-edit");

        // Two startups apply, each with its business plan.
        var applications = new List<Guid>();
        var members = new List<TestUser>();
        foreach (var (organization, index) in organizations.Select((o, i) => (o, i)))
        {
            var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
            members.Add(member);
            var startup = await browser.NewPageAsync();
            await BrowserFixture.SignInAsync(startup, member);
            await startup.GotoAsync($"/calls/{callId}");
            if (index == 0)
            {
                await BrowserFixture.AssertAccessibleAsync(startup);
                await browser.ScreenshotAsync(startup, "42-call-public");
            }

            await startup.Locator("form.apply-form button").ClickAsync();
            await startup.ArriveAsync(new Regex("/applications/[^/]+$"));
            await startup.Locator("#app-title").FillAsync($"{organization.NameKo} 검사 자동화");
            await startup.Locator("#app-amount").FillAsync(index == 0 ? "80000000" : "60000000");
            await startup.Locator("#f-summary").FillAsync("제조 라인의 불량을 비전 AI로 검출합니다.");
            if (index == 0)
            {
                // The draft saves itself a few seconds after the last keystroke, before any button is pressed.
                await startup.Locator(".autosave-status")
                    .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("\\d{2}:\\d{2}") }).WaitForAsync();
                var draftId = Guid.Parse(startup.Url.Split("/applications/")[1].Split('?')[0]);
                Assert.Equal($"{organization.NameKo} 검사 자동화", await host.QueryAsync(db =>
                    db.Applications.Where(a => a.Id == draftId).Select(a => a.Title).SingleAsync()));
            }

            await startup.Locator("#application-form button[type=submit]:not([formaction])").ClickAsync();
            await startup.WaitForLoadStateAsync();
            await startup.Locator("#up-plan").SetInputFilesAsync(new FilePayload { Name = "사업계획서.pdf",
                MimeType = "application/pdf", Buffer = Pdf });
            await startup.Locator("form.upload-form button").ClickAsync();
            await startup.GetByRole(AriaRole.Link, new() { Name = "사업계획서.pdf" }).WaitForAsync();
            await startup.Locator("button[formaction*='handler=Submit']").ClickAsync();
            await startup.WaitForLoadStateAsync();
            var id = Guid.Parse(startup.Url.Split("/applications/")[1].Split('?')[0]);
            Assert.Equal(ApplicationStatus.Submitted, await host.QueryAsync(db =>
                db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
            if (index == 0)
            {
                await BrowserFixture.AssertAccessibleAsync(startup);
                await browser.ScreenshotAsync(startup, "43-application-submitted");
            }

            applications.Add(id);
            await startup.Context.CloseAsync();
        }

        // The operator assigns both reviewers to both applications.
        await office.GotoAsync($"/calls/{callId}/manage");
        foreach (var application in applications)
        {
            await office.Locator($"input[name=ApplicationIds][value='{application}']").CheckAsync();
        }

        foreach (var reviewer in reviewers)
        {
            await office.Locator($"input[name='Assign.ReviewerIds'][value='{reviewer.Id}']").CheckAsync();
        }

        await office.Locator("#assign-form button[type=submit]").Last.ClickAsync();
        await office.WaitForLoadStateAsync();
        Assert.Equal(4, await host.QueryAsync(db => db.ReviewerAssignments.CountAsync(a => a.CallId == callId)));
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "44-call-manage");

        // Each reviewer scores both; the first application scores higher with both.
        foreach (var (reviewer, r) in reviewers.Select((x, i) => (x, i)))
        {
            var desk = await browser.NewPageAsync();
            await BrowserFixture.SignInAsync(desk, reviewer);
            foreach (var application in applications)
            {
                var assignment = await host.QueryAsync(db => db.ReviewerAssignments
                    .Where(a => a.ApplicationId == application && a.ReviewerId == reviewer.Id).Select(a => a.Id).SingleAsync());
                await desk.GotoAsync("/review");
                await desk.Locator($"a[href='/review/{assignment}']").ClickAsync();
                var strong = application == applications[0];
                await desk.Locator("input[name='scores[tech]']").FillAsync(strong ? "9" : "6");
                await desk.Locator("input[name='scores[market]']").FillAsync(strong ? "8" : "7");
                await desk.Locator("textarea[name='comments[tech]'], input[name='comments[tech]']").First.FillAsync(strong ? "검증된 기술"
                    : "데이터 확보 계획 보완 필요");
                if (r == 0 && strong)
                {
                    await BrowserFixture.AssertAccessibleAsync(desk);
                    await browser.ScreenshotAsync(desk, "45-review-score");
                }

                await desk.Locator("button[name=submit][value=true]").ClickAsync();
                await desk.WaitForLoadStateAsync();
            }

            await desk.Context.CloseAsync();
        }

        Assert.Equal(4, await host.QueryAsync(db => db.ReviewerAssignments.CountAsync(a => a.CallId == callId && a.SubmittedAt != null)));

        // The operator reads the ranking and confirms the proposal: one award, the first application.
        await office.GotoAsync($"/calls/{callId}/ranking");
        Assert.Contains(organizations[0].NameKo, await office.Locator("table.ranking tbody tr").First.InnerTextAsync(),
            StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(office);
        await browser.ScreenshotAsync(office, "46-ranking");
        var english = await browser.NewPageAsync(locale: "en-US");
        await BrowserFixture.SignInAsync(english, operatorUser);
        await english.GotoAsync($"/calls/{callId}/ranking");
        await BrowserFixture.AssertAccessibleAsync(english);
        await browser.ScreenshotAsync(english, "46-ranking-en");
        await english.Context.CloseAsync();
        await office.Locator("#confirm-form button[type=submit]").ClickAsync();
        await office.WaitForLoadStateAsync();
        Assert.NotNull(await host.QueryAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => c.ResultsPublishedAt).SingleAsync()));
        await browser.ScreenshotAsync(office, "47-ranking-published");
        await office.Context.CloseAsync();

        // The selected startup sees its result and the notice.
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, members[0]);
        await page.GotoAsync($"/applications/{applications[0]}");
        var result = await page.Locator("section.result").InnerTextAsync();
        Assert.Contains("80,000,000", result, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "48-application-result");
        await page.GotoAsync("/notifications");
        Assert.Contains("AI 비전 검사 실증 과제 공모", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(page, "49-notifications");
        await page.Context.CloseAsync();
    }
}
