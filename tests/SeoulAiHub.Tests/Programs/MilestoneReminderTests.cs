using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

public sealed class MilestoneReminderTests
{
    [Theory, OnEveryDatabase]
    public async Task Members_are_reminded_seven_days_and_one_day_before_a_milestone_once_each_unless_a_report_is_in(string provider)
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);   // 10:00 KST
        var clock = new FakeTimeProvider(t0);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock);
        var reminders = host.Services.GetRequiredService<MilestoneReminders>();
        await reminders.RunOnceAsync();   // the demo hub's own agreement has a milestone due within the week

        var (_, applicationId, _, members) = await SelectedAsync(host, t0, extraMembers: 1);
        var today = new DateOnly(2026, 3, 2);
        await host.WithAsync<AgreementService, Agreement>(s => s.DraftAsync(applicationId, 30_000_000, today, today.AddDays(90)));
        await host.WithAsync<AgreementService>(s => s.AddMilestoneAsync(applicationId, "1차 점검", "시제품", today.AddDays(7)));
        await host.WithAsync<AgreementService>(s => s.AddMilestoneAsync(applicationId, "2차 점검", "실증 결과", today.AddDays(20)));
        await host.WithAsync<AgreementService>(s => s.SignAsync(applicationId));

        Task<int> RemindersFor(string milestone) => host.QueryAsync(db => db.Notifications
            .CountAsync(n => n.TitleEn.StartsWith("Milestone due") && n.TitleKo.EndsWith(milestone) &&
                n.Link == $"/applications/{applicationId}"));

        // Seven days before the first milestone: one reminder, one notice and one email per member.
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Equal(2, await RemindersFor("1차 점검"));
        foreach (var member in members)
        {
            Assert.Equal(1, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == member.Id &&
                n.TitleEn == "Milestone due in 7 days: 1차 점검")));
            Assert.Equal(1, await host.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == member.Email &&
                m.Subject.Contains("마일스톤 마감 7일 전: 1차 점검"))));
        }

        // The same day again, and days in between: nothing.
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await reminders.RunOnceAsync());
        clock.SetUtcNow(t0.AddDays(3));
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Equal(2, await RemindersFor("1차 점검"));

        // The day before: the second reminder, once.
        clock.SetUtcNow(t0.AddDays(6));
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Equal(4, await RemindersFor("1차 점검"));
        Assert.Equal(2, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.TitleEn == "Milestone due tomorrow: 1차 점검")));

        // A report on the second milestone is in before its reminders are due: none are sent.
        var second = (await host.WithAsync<AgreementService, Agreement?>(s => s.FindAsync(applicationId)))!.Milestones.Single(m =>
            m.Title == "2차 점검");
        clock.SetUtcNow(t0.AddDays(10));
        Assert.Null(await host.WithAsync<AgreementService, string?>(s => s.SubmitReportAsync(applicationId, second.Id, ReportKind.Interim,
            "실증 보고", null, members[0].Id)));
        clock.SetUtcNow(t0.AddDays(13));
        Assert.Equal(0, await reminders.RunOnceAsync());
        clock.SetUtcNow(t0.AddDays(19));
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Equal(0, await RemindersFor("2차 점검"));

        // Once the report is returned the milestone is open again and reminded.
        var report = await host.QueryAsync(db => db.AgreementReports.AsNoTracking().SingleAsync(r => r.MilestoneId == second.Id));
        await host.WithAsync<AgreementService>(s => s.ReviewReportAsync(applicationId, report.Id, accept: false, "수치 보완"));
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Equal(2, await RemindersFor("2차 점검"));

        // Past the due date nothing more is sent.
        clock.SetUtcNow(t0.AddDays(21));
        Assert.Equal(0, await reminders.RunOnceAsync());
    }
}
