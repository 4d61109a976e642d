using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Outcomes.Collection.CollectionPages;

namespace SeoulAiHub.Tests.Outcomes.Collection;

/// <summary>
/// A campaign from opening to lock through the pages, as the people involved use them: the operator opens it, a
/// member drafts, is refused for bad input, submits with a note on an outlier and an evidence file, gets one value
/// returned, fixes it and resubmits; the operator accepts and locks; the official values are exactly the accepted ones.
/// Along the way another organization's member and an overseer try what they may not.
/// </summary>
public sealed class CampaignJourneyTests
{
    public sealed record ValueRow(string Kpi, Guid KpiId, string Period, long Value);

    [Theory, OnEveryDatabase]
    public async Task A_campaign_runs_from_opening_through_return_and_resubmission_to_lock(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await host.KpiIdsAsync();
        var (revenue, headcount, hires) = (kpis["revenue"], kpis["headcount"], kpis["new-hires"]);
        var organization = await host.CreateOrganizationAsync();
        var slow = await host.CreateOrganizationAsync();
        var stranger = await host.CreateOrganizationAsync();

        // The previous half's official revenue, 100,000,000원: 1,000,000,000원 now is ten times that, an outlier.
        var period = ReportingPeriod.Of(PeriodGrain.Half, 2021, 1);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            db.KpiFacts.Add(KpiFact.Of(organization.Id, revenue, period.Previous, 100_000_000, Guid.NewGuid(), null));
            await db.SaveChangesAsync();
        }

        using var op = await host.ClientAsync(HubRoles.Operator);
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        using var slowMember = await host.ClientAsync(HubRoles.TenantMember, slow.Id);
        using var outsider = await host.ClientAsync(HubRoles.TenantMember, stranger.Id);
        using var overseer = await host.ClientAsync(HubRoles.Overseer);

        // The operator checks how many would be asked, then opens the campaign for the two organizations.
        var due = CollectionFormatDate(DateTime.UtcNow.AddDays(20));
        (string, string)[] form =
        [
            ("Input.NameKo", "2021년 상반기 시험 조사"), ("Input.NameEn", "2021 H1 test campaign"), ("Input.PeriodCode", "2021-H1"),
            ("Input.DueOn", due), ("Input.Target", "Selected"), ("Input.OrganizationIds", organization.Id.ToString()),
            ("Input.OrganizationIds", slow.Id.ToString()),
            ("Input.KpiIds", revenue.ToString()), ("Input.KpiIds", headcount.ToString()), ("Input.KpiIds", hires.ToString()),
        ];
        using (var check = await op.PostAsync("/outcomes/campaigns/new", "/outcomes/campaigns/new?handler=Check", form))
        {
            Assert.Contains("2", TextOf(await PageOfAsync(check), "#asked-count"), StringComparison.Ordinal);
        }

        using var opened = await op.PostAsync("/outcomes/campaigns/new", "/outcomes/campaigns/new", form);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var campaignUrl = opened.Headers.Location!.OriginalString;
        var campaignId = Guid.Parse(campaignUrl["/outcomes/campaigns/".Length..]);
        var campaign = await host.QueryAsync(db => db.KpiCampaigns.Include(c => c.Tasks).SingleAsync(c => c.Id == campaignId));
        Assert.Equal(period, campaign.Period);
        Assert.Equal([revenue, headcount, hires], campaign.KpiIds);
        var taskId = campaign.Tasks.Single(t => t.OrganizationId == organization.Id).Id;
        var slowTaskId = campaign.Tasks.Single(t => t.OrganizationId == slow.Id).Id;
        var taskUrl = $"/outcomes/tasks/{taskId}";

        // The member finds the report among the open ones and sees the previous official value beside revenue.
        var mine = await member.GetDocumentAsync("/outcomes/tasks");
        Assert.Contains(mine.QuerySelectorAll("main a"), a => a.GetAttribute("href") == taskUrl);
        var page = await member.GetDocumentAsync(taskUrl);
        Assert.Contains("100,000,000", TextOf(page, "#kpi-revenue .oc-previous"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form#task-form input[name='Values[" + revenue + "]']"));

        // Bad input: text in a number, a negative revenue. The message shows beside the KPI and nothing is saved.
        (string, string)[] Values(string rev, string head, string hire, string? revenueNote = null) =>
        [
            ($"Values[{revenue}]", rev), ($"Values[{headcount}]", head), ($"Values[{hires}]", hire),
            ($"Notes[{revenue}]", revenueNote ?? ""), ($"Notes[{headcount}]", ""), ($"Notes[{hires}]", ""),
        ];
        using (var text = await member.PostAsync(taskUrl, taskUrl + "?handler=Save", Values("12억", "10", "3")))
        {
            var shown = await PageOfAsync(text);
            Assert.Contains("숫자만 입력", TextOf(shown, "#problems-revenue"), StringComparison.Ordinal);
            Assert.Equal("12억", shown.QuerySelector("#v-revenue")!.GetAttribute("value"));
        }

        using (var negative = await member.PostAsync(taskUrl, taskUrl + "?handler=Save", Values("-5", "10", "3")))
        {
            Assert.Contains("음수", TextOf(await PageOfAsync(negative), "#problems-revenue"), StringComparison.Ordinal);
        }

        var stored = await host.StoredAsync(taskId);
        Assert.Equal(KpiTaskStatus.NotStarted, stored.Status);
        Assert.Empty(stored.Lines);

        // A draft with separators; then a submission refused for the outlier without a note and the missing evidence.
        AssertRedirect(await member.PostAsync(taskUrl, taskUrl + "?handler=Save", Values("1,000,000,000", "10", "3")), taskUrl);
        stored = await host.StoredAsync(taskId);
        Assert.Equal(KpiTaskStatus.Draft, stored.Status);
        Assert.Equal(1_000_000_000, stored.Lines["revenue"].Value);
        page = await member.GetDocumentAsync(taskUrl);
        Assert.Equal("1,000,000,000", page.QuerySelector("#v-revenue")!.GetAttribute("value"));
        Assert.Contains("5배", TextOf(page, "#kpi-revenue .oc-flags"), StringComparison.Ordinal);

        using (var refused = await member.PostAsync(taskUrl, taskUrl + "?handler=Submit", Values("1,000,000,000", "10", "3")))
        {
            var shown = await PageOfAsync(refused);
            var problems = TextOf(shown, "#problems-revenue");
            Assert.Contains("증빙", problems, StringComparison.Ordinal);
            Assert.Contains("메모", problems, StringComparison.Ordinal);
            Assert.Contains("2021", TextOf(shown, "#problem-summary") + TextOf(shown, "h1"), StringComparison.Ordinal);
            Assert.NotNull(shown.QuerySelector("#problem-summary a[href='#kpi-revenue']"));
        }

        Assert.Equal(KpiTaskStatus.Draft, (await host.StoredAsync(taskId)).Status);

        // With the note and the evidence file in the same post, the report goes in.
        AssertRedirect(await member.PostWithFileAsync(taskUrl, "Submit", revenue, Pdf, "세금계산서.pdf",
            Values("1,000,000,000", "10", "3", "대형 공급계약 체결")), taskUrl);
        stored = await host.StoredAsync(taskId);
        Assert.Equal(KpiTaskStatus.Submitted, stored.Status);
        Assert.Equal(1, stored.Evidence);
        Assert.Equal("대형 공급계약 체결", stored.Lines["revenue"].Note);
        var evidenceId = await host.QueryAsync(db => db.KpiEvidence.Where(e => e.TaskId == taskId).Select(e => e.Id).SingleAsync());
        using (var download = await member.GetAsync($"/outcomes/evidence/{evidenceId}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // Another organization's member: the report, the file and the values do not exist for them; a post changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(taskUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/outcomes/evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/organizations/{organization.Id}/kpi-values")).StatusCode);
        using (var foreign = await outsider.PostAsync("/outcomes/tasks", taskUrl + "?handler=Save", Values("1", "1", "1")))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        // The overseer reads the report, with no form, and every post is refused.
        var read = await overseer.GetDocumentAsync(taskUrl);
        Assert.Empty(read.QuerySelectorAll("main form"));
        Assert.Contains("1,000,000,000", TextOf(read, "#kpi-revenue"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await overseer.GetAsync($"/outcomes/evidence/{evidenceId}")).StatusCode);
        foreach (var handler in new[] { "Save", "Submit", "Review", "Autosave" })
        {
            AssertDenied(await overseer.PostAsync(taskUrl, $"{taskUrl}?handler={handler}",
                [.. Values("5", "5", "5"), ($"Decisions[{revenue}]", "return"), ($"Comments[{revenue}]", "x")]));
        }

        Assert.Equal(stored.Lines, (await host.StoredAsync(taskId)).Lines);
        Assert.Equal(KpiTaskStatus.Submitted, (await host.StoredAsync(taskId)).Status);

        // The slow organization only drafts; the lock is refused while a report waits for review.
        var slowUrl = $"/outcomes/tasks/{slowTaskId}";
        AssertRedirect(await slowMember.PostAsync(slowUrl, slowUrl + "?handler=Save",
            [($"Values[{revenue}]", "7"), ($"Values[{headcount}]", ""), ($"Values[{hires}]", "")]), slowUrl);
        var confirm = await op.GetDocumentAsync(campaignUrl + "?confirm=true");
        Assert.NotNull(confirm.QuerySelector("#lock-waiting"));
        Assert.Null(confirm.QuerySelector("#lock-form"));
        using (var early = await op.PostAsync(campaignUrl, campaignUrl + "?handler=Lock"))
        {
            Assert.Contains("검토", TextOf(await PageOfAsync(early), ".alert.error"), StringComparison.Ordinal);
        }

        Assert.Equal(CampaignStatus.Open, await host.QueryAsync(db => db.KpiCampaigns.Where(c => c.Id == campaignId)
            .Select(c => c.Status).SingleAsync()));

        // The operator returns headcount; returning without a comment is refused first.
        var review = await op.GetDocumentAsync(taskUrl);
        Assert.NotNull(review.QuerySelector("form#review-form"));
        Assert.Contains("대형 공급계약 체결", TextOf(review, "#kpi-revenue"), StringComparison.Ordinal);
        using (var noComment = await op.PostAsync(taskUrl, taskUrl + "?handler=Review", ($"Decisions[{headcount}]", "return")))
        {
            await PageOfAsync(noComment);
        }

        Assert.Equal(KpiTaskStatus.Submitted, (await host.StoredAsync(taskId)).Status);
        AssertRedirect(await op.PostAsync(taskUrl, taskUrl + "?handler=Review",
            ($"Decisions[{revenue}]", "accept"), ($"Decisions[{headcount}]", "return"),
            ($"Comments[{headcount}]", "4대보험 가입자 수로 다시 확인해 주세요"), ($"Decisions[{hires}]", "accept")), taskUrl);
        stored = await host.StoredAsync(taskId);
        Assert.Equal(KpiTaskStatus.Returned, stored.Status);
        Assert.Equal(LineReview.Returned, stored.Lines["headcount"].Review);
        Assert.Equal(LineReview.Accepted, stored.Lines["revenue"].Review);
        Assert.True(await host.QueryAsync(db => db.Notifications.AnyAsync(n => n.Link == taskUrl &&
            n.TitleEn.StartsWith("KPI report returned"))));

        // The member sees the comment, revenue read-only; a sneaked-in revenue change is ignored; headcount is fixed.
        page = await member.GetDocumentAsync(taskUrl);
        Assert.Contains("4대보험", TextOf(page, "#kpi-headcount"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#v-revenue"));
        Assert.NotNull(page.QuerySelector("#v-headcount"));
        AssertRedirect(await member.PostAsync(taskUrl, taskUrl + "?handler=Submit", Values("9", "12", "3")), taskUrl);
        stored = await host.StoredAsync(taskId);
        Assert.Equal(KpiTaskStatus.Submitted, stored.Status);
        Assert.Equal(1_000_000_000, stored.Lines["revenue"].Value);
        Assert.Equal(12, stored.Lines["headcount"].Value);

        // Accepted, then locked after the confirmation step: one accepted report, one missing.
        AssertRedirect(await op.PostAsync(taskUrl, taskUrl + "?handler=Review", ($"Decisions[{headcount}]", "accept")), taskUrl);
        Assert.Equal(KpiTaskStatus.Accepted, (await host.StoredAsync(taskId)).Status);
        confirm = await op.GetDocumentAsync(campaignUrl + "?confirm=true");
        Assert.Contains("1", TextOf(confirm, "#lock-summary"), StringComparison.Ordinal);
        Assert.NotNull(confirm.QuerySelector("#lock-form"));
        AssertRedirect(await op.PostAsync(campaignUrl, campaignUrl + "?handler=Lock"), campaignUrl);
        Assert.Equal(CampaignStatus.Locked, await host.QueryAsync(db => db.KpiCampaigns.Where(c => c.Id == campaignId)
            .Select(c => c.Status).SingleAsync()));

        var facts = await host.QueryAsync(db => db.KpiFacts.Where(f => f.CampaignId == campaignId)
            .Select(f => new { f.OrganizationId, f.KpiId, f.Value, f.EndMonth, f.Months }).ToListAsync());
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal((organization.Id, period.EndMonth, period.Months), (f.OrganizationId, f.EndMonth, f.Months)));
        Assert.Equal(new Dictionary<Guid, long> { [revenue] = 1_000_000_000, [headcount] = 12, [hires] = 3 },
            facts.ToDictionary(f => f.KpiId, f => f.Value));

        // Locked: read-only for the member, and a post changes nothing.
        page = await member.GetDocumentAsync(taskUrl);
        Assert.Null(page.QuerySelector("form#task-form"));
        using (var late = await member.PostAsync(taskUrl, taskUrl + "?handler=Save", Values("1", "1", "1")))
        {
            await PageOfAsync(late);
        }

        Assert.Equal(12, (await host.StoredAsync(taskId)).Lines["headcount"].Value);

        // The member reads the official values through the API, with KPI and period codes.
        var values = await member.Http.GetFromJsonAsync<List<ValueRow>>($"/api/organizations/{organization.Id}/kpi-values");
        Assert.Contains(new ValueRow("revenue", revenue, "2021-H1", 1_000_000_000), values!);
        Assert.Contains(new ValueRow("revenue", revenue, "2020-H2", 100_000_000), values!);
        Assert.Equal(HttpStatusCode.OK, (await overseer.GetAsync($"/api/organizations/{organization.Id}/kpi-values")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateHubClient()
            .GetAsync($"/api/organizations/{organization.Id}/kpi-values")).StatusCode);
    }

    private static string CollectionFormatDate(DateTime utc) => utc.AddHours(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
