using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>Bugs found by the first test pass, kept as regressions.</summary>
public sealed class ProgramRegressionTests
{
    [Fact]
    public void The_work_completes_when_the_final_report_is_accepted_before_the_interim_one()
    {
        var now = DateTimeOffset.UtcNow;
        var application = ApplicationExamples.In(ApplicationStatus.Selected);
        var agreement = Agreement.Draft(application, 1, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), now);
        var m1 = agreement.AddMilestone("중간", "x", new DateOnly(2026, 6, 1));
        var m2 = agreement.AddMilestone("최종", "y", new DateOnly(2026, 12, 31));
        agreement.Sign(application, now);
        var interim = agreement.SubmitReport(m1, ReportKind.Interim, "중간", null, Guid.NewGuid(), now);
        agreement.Review(agreement.SubmitReport(m2, ReportKind.Final, "최종", null, Guid.NewGuid(), now), true, null, application, now);
        agreement.Review(interim, true, null, application, now);
        Assert.Equal(ApplicationStatus.Completed, application.Status);
    }

    [Theory, OnEveryDatabase]
    public async Task A_submitted_application_cannot_be_assigned_to_a_later_stage(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow);
        var (org, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, org.Id, members[0].Id);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<ReviewService, int>(s =>
            s.AssignAsync(call.Id, "pitch", [app], [reviewer.Id])));
    }

    [Theory, OnEveryDatabase]
    public async Task Two_decisions_on_one_application_are_refused_with_a_message(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (call, app, _, _) = await ScoredPendingAsync(host);
        var ex = await Record.ExceptionAsync(() => host.WithAsync<SelectionService>(s => s.ConfirmAsync(call,
            [new SelectionDecision(app, true, 30_000_000, null), new SelectionDecision(app, false, 0, "중복")])));
        Assert.IsType<RuleException>(ex);
    }

    private static async Task<(Guid Call, Guid App, int X, int Y)> ScoredPendingAsync(HubAppFactory host)
    {
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage());
        var (org, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, org.Id, members[0].Id, requestedKrw: 30_000_000);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [app], [reviewer.Id]));
        await ScoreAsync(host, Assert.Single(await AssignmentsAsync(host, call.Id, "paper")), ("tech", 80), ("biz", 40));
        return (call.Id, app, 0, 0);
    }

    [Theory, OnEveryDatabase]
    public async Task Concurrent_reminder_runs_send_each_reminder_once(string provider)
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock);
        var reminders = host.Services.GetRequiredService<MilestoneReminders>();
        await reminders.RunOnceAsync();   // the demo hub's own milestones first
        var (_, applicationId, _, _) = await SelectedAsync(host, t0);
        var today = new DateOnly(2026, 3, 2);
        await host.WithAsync<AgreementService, Agreement>(s => s.DraftAsync(applicationId, 30_000_000, today, today.AddDays(90)));
        await host.WithAsync<AgreementService>(s => s.AddMilestoneAsync(applicationId, "점검", "x", today.AddDays(7)));
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => reminders.RunOnceAsync())));
        Assert.Equal(1, sent.Sum());
    }
}
