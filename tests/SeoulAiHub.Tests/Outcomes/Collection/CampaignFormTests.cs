using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Outcomes.Collection.CollectionPages;

namespace SeoulAiHub.Tests.Outcomes.Collection;

/// <summary>
/// The campaign form and the manage page refuse bad input with a message and open or move nothing; autosave answers JSON.
/// </summary>
public sealed class CampaignFormTests
{
    private static string KstDate(int daysFromNow) => DateTime.UtcNow.AddHours(9).AddDays(daysFromNow)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, OnEveryDatabase]
    public async Task Bad_campaign_input_opens_nothing_the_deadline_moves_and_autosave_keeps_a_draft(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var revenue = (await host.KpiIdsAsync())["revenue"];
        var organization = await host.CreateOrganizationAsync();
        using var op = await host.ClientAsync(HubRoles.Operator);
        var name = $"양식 시험 {Guid.NewGuid():N}";
        (string, string)[] Form(string code, string due, string target = "Selected", bool kpi = true, bool org = true) =>
        [
            ("Input.NameKo", name), ("Input.NameEn", "Form test"), ("Input.PeriodCode", code), ("Input.DueOn", due),
            ("Input.Target", target), .. org ? [("Input.OrganizationIds", organization.Id.ToString())] : Array.Empty<(string, string)>(),
            .. kpi ? [("Input.KpiIds", revenue.ToString())] : Array.Empty<(string, string)>(),
        ];

        // The new-campaign page opens with the last ended quarter and every active KPI ticked.
        var blank = await op.GetDocumentAsync("/outcomes/campaigns/new");
        // (Other tests add and retire KPIs of their own meanwhile: only the standard ones are certain to be there.)
        var ticked = blank.QuerySelectorAll("input[name='Input.KpiIds'][checked]")
            .Select(i => Guid.Parse(i.GetAttribute("value")!)).ToHashSet();
        var standard = (await host.KpiIdsAsync()).Where(k => StandardKpis.Create().Any(s => s.Code == k.Key)).Select(k => k.Value).ToList();
        Assert.Equal(11, standard.Count);
        Assert.Subset(ticked, standard.ToHashSet());
        Assert.Equal("Quarter", blank.QuerySelector("#c-grain option[selected]")!.GetAttribute("value"));

        async Task RefusedAsync((string, string)[] form, string expected)
        {
            using var response = await op.PostAsync("/outcomes/campaigns/new", "/outcomes/campaigns/new", form);
            Assert.Contains(expected, TextOf(await PageOfAsync(response), ".alert.error"), StringComparison.Ordinal);
        }

        await RefusedAsync(Form("2018-Q5", KstDate(10)), "보고 기간");
        await RefusedAsync(Form("2018-Q4", "next week"), "마감일");
        await RefusedAsync(Form("2018-Q4", "2018-12-01"), "마감일");                 // before the period's end
        await RefusedAsync(Form("2099-Q1", KstDate(10)), "시작하지 않은");           // a period not yet begun
        await RefusedAsync(Form("2018-Q4", KstDate(10), kpi: false), "성과지표");
        await RefusedAsync(Form("2018-Q4", KstDate(10), org: false), "기관");
        await RefusedAsync(Form("2018-Q4", KstDate(10), target: "ProgramAwardees"), "지원사업");
        await RefusedAsync(Form("2018-Q4", KstDate(10), target: "Everyone"), "조사 대상");
        Assert.False(await host.QueryAsync(db => db.KpiCampaigns.AnyAsync(c => c.NameKo == name)));

        using var opened = await op.PostAsync("/outcomes/campaigns/new", "/outcomes/campaigns/new", Form("2018-Q4", KstDate(10)));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var campaignUrl = opened.Headers.Location!.OriginalString;
        var campaignId = Guid.Parse(campaignUrl["/outcomes/campaigns/".Length..]);

        // Asking the same organization again for an overlapping period is refused: it would count twice.
        await RefusedAsync(Form("2018", KstDate(10)), "겹치는");

        // The deadline: not a date, or in the past, changes nothing; a later date is kept.
        using (var bad = await op.PostAsync(campaignUrl, campaignUrl + "?handler=Extend", ("DueOn", "soon")))
        {
            Assert.Contains("마감일", TextOf(await PageOfAsync(bad), ".alert.error"), StringComparison.Ordinal);
        }

        using (var past = await op.PostAsync(campaignUrl, campaignUrl + "?handler=Extend", ("DueOn", KstDate(-1))))
        {
            await PageOfAsync(past);
        }

        Assert.Equal(DateOnly.Parse(KstDate(10), CultureInfo.InvariantCulture),
            await host.QueryAsync(db => db.KpiCampaigns.Where(c => c.Id == campaignId).Select(c => c.DueOn).SingleAsync()));
        AssertRedirect(await op.PostAsync(campaignUrl, campaignUrl + "?handler=Extend", ("DueOn", KstDate(30))), campaignUrl);
        Assert.Equal(DateOnly.Parse(KstDate(30), CultureInfo.InvariantCulture),
            await host.QueryAsync(db => db.KpiCampaigns.Where(c => c.Id == campaignId).Select(c => c.DueOn).SingleAsync()));
        var manage = await op.GetDocumentAsync(campaignUrl + "?status=NotStarted");
        Assert.Single(manage.QuerySelectorAll("table.oc-tasks tbody tr a"));

        // Autosave: a draft value is stored and the time answered; text is refused with the message, the draft kept.
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        var taskId = await host.QueryAsync(db => db.KpiTasks.Where(t => t.CampaignId == campaignId).Select(t => t.Id).SingleAsync());
        var taskUrl = $"/outcomes/tasks/{taskId}";
        Assert.NotNull((await member.GetDocumentAsync(taskUrl))
            .QuerySelector($"form#task-form[data-oc-autosave-url='{taskUrl}?handler=Autosave']"));
        using (var saved = await member.PostAsync(taskUrl, taskUrl + "?handler=Autosave", ($"Values[{revenue}]", "2,500"),
            ($"Notes[{revenue}]", "초안")))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Matches(@"^\d\d:\d\d$", JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("savedAt")
                .GetString());
        }

        using (var text = await member.PostAsync(taskUrl, taskUrl + "?handler=Autosave", ($"Values[{revenue}]", "이천오백")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
            Assert.Contains("숫자", JsonDocument.Parse(await text.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(),
                StringComparison.Ordinal);
        }

        var stored = await host.StoredAsync(taskId);
        Assert.Equal((KpiTaskStatus.Draft, 2_500L, "초안"), (stored.Status, stored.Lines["revenue"].Value!.Value,
            stored.Lines["revenue"].Note));

        // Evidence: a file that is not a document is refused with the store's message; a PDF is kept, then removed.
        using (var wrong = await member.PostWithFileAsync(taskUrl, "Save", revenue, "MZ not a document"u8.ToArray(), "tool.exe",
            ($"Values[{revenue}]", "2,500")))
        {
            Assert.Contains("tool.exe", TextOf(await PageOfAsync(wrong), "#problems-revenue"), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await host.StoredAsync(taskId)).Evidence);
        AssertRedirect(await member.PostWithFileAsync(taskUrl, "Save", revenue, Pdf, "계약서.pdf", ($"Values[{revenue}]", "2,500"),
            ($"Notes[{revenue}]", "초안")), taskUrl);
        var evidenceId = await host.QueryAsync(db => db.KpiEvidence.Where(e => e.TaskId == taskId).Select(e => e.Id).SingleAsync());
        Assert.Contains("계약서.pdf", TextOf(await member.GetDocumentAsync(taskUrl), "#kpi-revenue .oc-evidence"), StringComparison.Ordinal);
        AssertRedirect(await member.PostAsync(taskUrl, $"{taskUrl}?handler=RemoveEvidence&evidenceId={evidenceId}",
            ($"Values[{revenue}]", "2,500"), ($"Notes[{revenue}]", "초안")), taskUrl);
        Assert.Equal(0, (await host.StoredAsync(taskId)).Evidence);

        // A draft is the organization's own: the operator sees that the report is not in, not the values being drafted.
        var asOperator = await op.GetDocumentAsync(taskUrl);
        Assert.NotNull(asOperator.QuerySelector("#not-submitted"));
        Assert.DoesNotContain("2,500", asOperator.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(asOperator.QuerySelector("footer"));

        // The operator may not fill in a company's report.
        AssertDenied(await op.PostAsync(taskUrl, taskUrl + "?handler=Save", ($"Values[{revenue}]", "1")));
        Assert.Equal(2_500L, (await host.StoredAsync(taskId)).Lines["revenue"].Value);
    }
}
