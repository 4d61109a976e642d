using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>
/// ApplicationService and the call's dates: submission up to the closing instant, resubmission after revisions, no
/// draft before it opens.
/// </summary>
public sealed class SubmissionDeadlineTests
{
    [Theory, OnEveryDatabase]
    public async Task Submission_is_accepted_up_to_the_closing_instant_and_refused_after_it(string provider)
    {
        var start = new DateTimeOffset(2026, 7, 20, 5, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var host = await TestHosts.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var closesAt = start.AddHours(4);   // 18:00 KST
        var call = await PublishedCallAsync(host, start, OneStage(), closesAt: closesAt);
        var (onTime, onTimeMembers) = await ApplicantAsync(host);
        var (late, lateMembers) = await ApplicantAsync(host);
        var onTimeApp = await ApplyAsync(host, call.Id, onTime.Id, onTimeMembers[0].Id, submit: false);
        var lateApp = await ApplyAsync(host, call.Id, late.Id, lateMembers[0].Id, submit: false);

        clock.SetUtcNow(closesAt);
        Assert.True((await SubmitAsync(host, onTimeApp)).Submitted);
        var submitted = await ApplicationAsync(host, onTimeApp);
        Assert.Equal((ApplicationStatus.Submitted, closesAt), (submitted.Status, submitted.SubmittedAt!.Value));

        clock.SetUtcNow(closesAt.AddSeconds(1));
        var refused = await SubmitAsync(host, lateApp);
        Assert.False(refused.Submitted);
        Assert.Equal(["Programs.Application.Error.Closed"], refused.Reasons.Select(r => r.Key));
        var draft = await ApplicationAsync(host, lateApp);
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Null(draft.SubmittedAt);
        Assert.Equal(0, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted" &&
            e.EntityId == lateApp.ToString())));

        // A new draft cannot be started after the close either; an existing one is still found.
        var (newcomer, newcomerMembers) = await ApplicantAsync(host);
        var closed = await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, newcomer.Id, newcomerMembers[0].Id)));
        Assert.Equal("Programs.Application.Error.Closed", closed.Key);
        Assert.Equal(lateApp, (await host.WithAsync<ApplicationService, Application>(s =>
            s.StartAsync(call.Id, late.Id, lateMembers[0].Id))).Id);

        // A repeated click on the one already in still answers success.
        Assert.True((await SubmitAsync(host, onTimeApp)).Submitted);
    }

    [Theory, OnEveryDatabase]
    public async Task An_application_sent_back_for_revision_may_be_resubmitted_after_the_close(string provider)
    {
        var start = new DateTimeOffset(2026, 7, 20, 5, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var host = await TestHosts.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var call = await PublishedCallAsync(host, start, OneStage(), closesAt: start.AddHours(1));
        var (applicant, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id);

        // No service sends an application back yet: the operator's move is made on the entity, as a page would.
        clock.SetUtcNow(start.AddDays(2));
        await host.QueryAsync(async db =>
        {
            (await db.Applications.SingleAsync(a => a.Id == app)).RequestRevisions("예산 근거를 보완해 주세요", clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await host.WithAsync<ApplicationService>(s => s.SaveDraftAsync(app, "보완한 제목", 30_000_000,
            new Dictionary<string, string> { [Summary] = "보완한 요약" }));
        var outcome = await SubmitAsync(host, app);
        Assert.True(outcome.Submitted, string.Join(", ", outcome.Reasons.Select(r => r.Key)));
        var resubmitted = await ApplicationAsync(host, app);
        Assert.Equal((ApplicationStatus.Submitted, "보완한 제목", start.AddDays(2)),
            (resubmitted.Status, resubmitted.Title, resubmitted.SubmittedAt!.Value));
        Assert.Equal(2, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted" &&
            e.EntityId == app.ToString())));
    }

    [Theory, OnEveryDatabase]
    public async Task A_call_not_yet_open_accepts_no_draft(string provider)
    {
        var start = new DateTimeOffset(2026, 7, 20, 5, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start.AddDays(-2));   // the call opens a day before start
        await using var host = await TestHosts.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var call = await PublishedCallAsync(host, start, OneStage());
        var (applicant, members) = await ApplicantAsync(host);
        var early = await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, applicant.Id, members[0].Id)));
        Assert.Equal("Programs.Application.Error.Closed", early.Key);
        Assert.Equal(0, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == call.Id)));

        clock.SetUtcNow(start.AddDays(-1));   // the opening instant
        await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, applicant.Id, members[0].Id));
        Assert.Equal(1, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == call.Id)));
    }
}
