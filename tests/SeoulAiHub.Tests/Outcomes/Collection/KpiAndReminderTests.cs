using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Outcomes.Collection.CollectionPages;

namespace SeoulAiHub.Tests.Outcomes.Collection;

public sealed class KpiAndReminderTests
{
    public sealed record KpiRow(string Code, string NameKo, string NameEn, string Unit, string Kind, bool EvidenceRequired, bool Active);

    /// <summary>
    /// In a host of its own: a KPI added here would otherwise be asked by campaigns other tests open meanwhile.
    /// </summary>
    [Theory, OnEveryDatabase]
    public async Task Operators_add_edit_retire_and_reactivate_KPIs_and_a_taken_code_is_refused(string provider)
    {
        await using var host = await TestHosts.StartAsync(provider);
        using var op = await host.ClientAsync(HubRoles.Operator);
        var list = await op.GetDocumentAsync("/outcomes/kpis");
        Assert.Equal(11, list.QuerySelectorAll("table.oc-kpis tbody tr").Length);
        Assert.Contains("revenue", list.QuerySelector("table.oc-kpis")!.TextContent, StringComparison.Ordinal);

        (string, string)[] Kpi(string code, string unit = "Count", string order = "200") =>
        [
            ("Input.Code", code), ("Input.NameKo", "시험 지표"), ("Input.NameEn", "Test KPI"), ("Input.Unit", unit), ("Input.Kind", "Flow"),
            ("Input.SortOrder", order), ("Input.EvidenceRequired", "true"),
        ];

        // A taken code (any case), a code with spaces, an unknown unit, an order that is not a number: each refused with its message.
        using (var taken = await op.PostAsync("/outcomes/kpis", "/outcomes/kpis?handler=Add", Kpi("Revenue")))
        {
            Assert.Contains("'revenue'", TextOf(await PageOfAsync(taken), ".alert.error"), StringComparison.Ordinal);
        }

        using (var badCode = await op.PostAsync("/outcomes/kpis", "/outcomes/kpis?handler=Add", Kpi("my kpi")))
        {
            Assert.Contains("코드", TextOf(await PageOfAsync(badCode), ".alert.error"), StringComparison.Ordinal);
        }

        using (var badUnit = await op.PostAsync("/outcomes/kpis", "/outcomes/kpis?handler=Add", Kpi("ok-code", unit: "Euro")))
        {
            Assert.Contains("단위", TextOf(await PageOfAsync(badUnit), ".alert.error"), StringComparison.Ordinal);
        }

        using (var badOrder = await op.PostAsync("/outcomes/kpis", "/outcomes/kpis?handler=Add", Kpi("ok-code", order: "first")))
        {
            Assert.Contains("순서", TextOf(await PageOfAsync(badOrder), ".alert.error"), StringComparison.Ordinal);
        }

        Assert.Equal(11, await host.QueryAsync(db => db.KpiDefinitions.CountAsync()));

        AssertRedirect(await op.PostAsync("/outcomes/kpis", "/outcomes/kpis?handler=Add", Kpi("Pilot-Sites")), "/outcomes/kpis");
        var added = await host.QueryAsync(db => db.KpiDefinitions.SingleAsync(k => k.Code == "pilot-sites"));
        Assert.True(added.Active && added.EvidenceRequired && added.Unit == KpiUnit.Count && added.SortOrder == 200);

        // Edited: the names and unit change, the code stays whatever the form says.
        var editUrl = $"/outcomes/kpis/{added.Id}";
        AssertRedirect(await op.PostAsync(editUrl, editUrl, ("Input.Code", "hacked"), ("Input.NameKo", "실증 거점"),
            ("Input.NameEn", "Pilot sites"), ("Input.Unit", "Persons"), ("Input.Kind", "Stock"), ("Input.SortOrder", "5"),
            ("Input.Active", "true")), "/outcomes/kpis");
        using (var noName = await op.PostAsync(editUrl, editUrl, ("Input.NameKo", " "), ("Input.NameEn", "x"), ("Input.Unit", "Count"),
            ("Input.Kind", "Flow"), ("Input.Active", "true")))
        {
            await PageOfAsync(noName);
        }

        var edited = await host.QueryAsync(db => db.KpiDefinitions.SingleAsync(k => k.Id == added.Id));
        Assert.Equal(("pilot-sites", "실증 거점", "Pilot sites", KpiUnit.Persons, KpiKind.Stock, false, true),
            (edited.Code, edited.NameKo, edited.NameEn, edited.Unit, edited.Kind, edited.EvidenceRequired, edited.Active));

        // Retired: still listed by the API, inactive, and no longer ticked for a new campaign; then reactivated.
        AssertRedirect(await op.PostAsync("/outcomes/kpis", $"/outcomes/kpis?handler=Active&kpiId={added.Id}&active=false"),
            "/outcomes/kpis");
        using var anonymous = host.CreateHubClient();
        var api = await anonymous.Http.GetFromJsonAsync<List<KpiRow>>("/api/kpis");
        Assert.Equal(12, api!.Count);
        Assert.Contains(new KpiRow("pilot-sites", "실증 거점", "Pilot sites", "Persons", "Stock", false, false), api);
        Assert.Contains(new KpiRow("revenue", "매출액", "Revenue", "Krw", "Flow", true, true), api);
        var form = await op.GetDocumentAsync("/outcomes/campaigns/new");
        var ticked = form.QuerySelectorAll("input[name='Input.KpiIds'][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(11, ticked.Count);
        Assert.DoesNotContain(added.Id.ToString(), ticked);
        AssertRedirect(await op.PostAsync("/outcomes/kpis", $"/outcomes/kpis?handler=Active&kpiId={added.Id}&active=true"),
            "/outcomes/kpis");
        Assert.True(await host.QueryAsync(db => db.KpiDefinitions.Where(k => k.Id == added.Id).Select(k => k.Active).SingleAsync()));
    }

    [Theory, OnEveryDatabase]
    public async Task Organizations_whose_report_is_not_in_are_reminded_seven_days_and_one_day_before_once_each(string provider)
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);   // 10:00 KST
        var clock = new FakeTimeProvider(t0);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock);
        var reminders = host.Services.GetRequiredService<OutcomeReminders>();
        await reminders.RunOnceAsync();   // whatever the demo hub has due within the week

        var late = await host.CreateOrganizationAsync();
        var done = await host.CreateOrganizationAsync();
        var lateMembers = new[] { await host.CreateAsync(HubRoles.TenantMember, late.Id),
            await host.CreateAsync(HubRoles.TenantMember, late.Id) };
        var doneMember = await host.CreateAsync(HubRoles.TenantMember, done.Id);
        var revenue = (await host.KpiIdsAsync())["revenue"];
        var today = new DateOnly(2026, 3, 2);
        Guid lateTask, doneTask;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<CampaignService>();
            var campaign = await service.OpenAsync(new CampaignInput("알림 시험 조사", "Reminder campaign",
                ReportingPeriod.Of(PeriodGrain.Year, 2020, 1), today.AddDays(7), CampaignTarget.Selected, null, [late.Id, done.Id],
                [revenue]), Guid.NewGuid());
            lateTask = campaign.Tasks.Single(t => t.OrganizationId == late.Id).Id;
            doneTask = campaign.Tasks.Single(t => t.OrganizationId == done.Id).Id;
            await service.SaveAsync(doneTask, [new KpiEntry(revenue, 0, null)]);
            await service.SubmitAsync(doneTask, doneMember.Id);
        }

        Task<int> RemindersAsync(Guid taskId, string titleStart) => host.QueryAsync(db => db.Notifications
            .CountAsync(n => n.Link == $"/outcomes/tasks/{taskId}" && n.TitleEn.StartsWith(titleStart)));

        // A week before: each member of the late organization once, by notice and by email; the submitted one not at all.
        // (Counted on these tasks only: the demo hub's own campaign may have reports due in the same days.)
        Assert.True(await reminders.RunOnceAsync() >= 1);
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Equal(2, await RemindersAsync(lateTask, "KPI report due in 7 days"));
        Assert.Equal(0, await RemindersAsync(doneTask, "KPI report due"));
        foreach (var member in lateMembers)
        {
            Assert.Equal(1, await host.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == member.Email &&
                m.Subject.Contains("성과 보고 마감 7일 전"))));
        }

        // Days in between: nothing. The day before: once more, and only once.
        clock.Advance(TimeSpan.FromDays(3));
        await reminders.RunOnceAsync();
        Assert.Equal(2, await RemindersAsync(lateTask, "KPI report due"));
        clock.Advance(TimeSpan.FromDays(3));
        Assert.True(await reminders.RunOnceAsync() >= 1);
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Equal(2, await RemindersAsync(lateTask, "KPI report due tomorrow"));
        Assert.Equal(4, await RemindersAsync(lateTask, "KPI report due"));
        Assert.Equal(1, await host.QueryAsync(db => db.KpiTasks.Where(t => t.Id == lateTask)
            .Select(t => t.RemindedDaysBefore).SingleAsync()));

        // After the deadline: no more.
        clock.Advance(TimeSpan.FromDays(2));
        await reminders.RunOnceAsync();
        Assert.Equal(4, await RemindersAsync(lateTask, "KPI report due"));
        Assert.Equal(0, await RemindersAsync(doneTask, "KPI report due"));
    }
}
