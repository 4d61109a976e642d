using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>ApplicationService: closing time, concurrent clicks, eligibility and completeness at submission.</summary>
public sealed class SubmissionTests
{
    private static Task<SubmitOutcome> SubmitAsync(HubAppFactory host, Guid applicationId) =>
        host.WithAsync<ApplicationService, SubmitOutcome>(s => s.SubmitAsync(applicationId));

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
        Assert.Equal(["Application.Error.Closed"], refused.Reasons.Select(r => r.Key));
        var draft = await ApplicationAsync(host, lateApp);
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Null(draft.SubmittedAt);
        Assert.Equal(0, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted" && e.EntityId == lateApp.ToString())));

        // A new draft cannot be started after the close either; an existing one is still found.
        var (newcomer, newcomerMembers) = await ApplicantAsync(host);
        var closed = await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, newcomer.Id, newcomerMembers[0].Id)));
        Assert.Equal("Application.Error.Closed", closed.Key);
        Assert.Equal(lateApp, (await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, late.Id, lateMembers[0].Id))).Id);

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
        Assert.Equal((ApplicationStatus.Submitted, "보완한 제목", start.AddDays(2)), (resubmitted.Status, resubmitted.Title, resubmitted.SubmittedAt!.Value));
        Assert.Equal(2, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted" && e.EntityId == app.ToString())));
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
        Assert.Equal("Application.Error.Closed", early.Key);
        Assert.Equal(0, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == call.Id)));

        clock.SetUtcNow(start.AddDays(-1));   // the opening instant
        await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, applicant.Id, members[0].Id));
        Assert.Equal(1, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == call.Id)));
    }

    [Theory, OnEveryDatabase]
    public async Task Twenty_concurrent_submissions_of_one_application_end_in_one_submission(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow);
        var (applicant, members) = await ApplicantAsync(host);
        var applicationId = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id, submit: false);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(host, applicationId))));

        Assert.All(outcomes, o => Assert.True(o.Submitted, string.Join(", ", o.Reasons.Select(r => r.Key))));
        var row = Assert.Single(await host.QueryAsync(db => db.Applications.AsNoTracking().Where(a => a.CallId == call.Id).ToListAsync()));
        Assert.Equal(ApplicationStatus.Submitted, row.Status);
        Assert.Equal(1, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted" && e.EntityId == applicationId.ToString())));
    }

    [Theory, OnEveryDatabase]
    public async Task Twenty_concurrent_starts_for_one_call_and_organization_make_one_draft(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow);
        var (applicant, members) = await ApplicantAsync(host);

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, applicant.Id, members[0].Id)))));

        var row = Assert.Single(await host.QueryAsync(db => db.Applications.AsNoTracking().Where(a => a.CallId == call.Id).ToListAsync()));
        Assert.All(started, a => Assert.Equal(row.Id, a.Id));
        Assert.Equal(ApplicationStatus.Draft, row.Status);
    }

    [Theory, OnEveryDatabase]
    public async Task An_ineligible_or_incomplete_application_is_refused_with_every_reason_and_stays_a_draft(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var rules = new EligibilityRules([OrganizationType.Startup], MaxCompanyAgeYears: 7, TenantsOnly: true, MinHeadcount: 1, MaxHeadcount: 50);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage(rules));

        // Not a tenant, no founding date, no headcount, and nothing filled in.
        var (outsider, outsiderMembers) = await ApplicantAsync(host, status: TenancyStatus.None);
        var empty = await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, outsider.Id, outsiderMembers[0].Id));
        var refused = await SubmitAsync(host, empty.Id);
        Assert.False(refused.Submitted);
        Assert.Equal(["Eligibility.FoundedUnknown", "Eligibility.TenantsOnly", "Eligibility.HeadcountUnknown", "Application.Error.Incomplete"],
            refused.Reasons.Select(r => r.Key));
        Assert.Equal(["title, 사업 요약, 사업계획서"], refused.Reasons[^1].Arguments);
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationAsync(host, empty.Id)).Status);

        // A company too old and too large: the rules that fail are named with their limits.
        var (old, oldMembers) = await ApplicantAsync(host);
        await host.QueryAsync(async db =>
        {
            var o = await db.Organizations.SingleAsync(x => x.Id == old.Id);
            o.UpdateProfile(o.Profile with { FoundedOn = new DateOnly(2010, 3, 1), Headcount = 120 }, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var oldApp = await ApplyAsync(host, call.Id, old.Id, oldMembers[0].Id, submit: false);
        var tooOld = await SubmitAsync(host, oldApp);
        Assert.Equal(["Eligibility.TooOld", "Eligibility.Headcount"], tooOld.Reasons.Select(r => r.Key));
        Assert.Equal([7], tooOld.Reasons[0].Arguments);
        Assert.Equal([1, "50"], tooOld.Reasons[1].Arguments);
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationAsync(host, oldApp)).Status);
    }

    [Theory, OnEveryDatabase]
    public async Task Missing_documents_and_invalid_answers_are_listed_and_the_application_goes_in_once_complete(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage());
        var (applicant, members) = await ApplicantAsync(host);
        var user = members[0].Id;
        var app = await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, applicant.Id, user));
        await host.WithAsync<ApplicationService>(s => s.SaveDraftAsync(app.Id, "제목", 10_000_000,
            new Dictionary<string, string> { [Summary] = "요약", [Staff] = "열두 명", ["unknown"] = "버려짐" }));
        Assert.DoesNotContain("unknown", (await ApplicationAsync(host, app.Id)).Answers.Keys);

        var refused = await SubmitAsync(host, app.Id);
        Assert.Equal(["Application.Error.Incomplete", "Application.Error.InvalidAnswer"], refused.Reasons.Select(r => r.Key));
        Assert.Equal(["사업계획서"], refused.Reasons[0].Arguments);
        Assert.Equal(["참여 인원"], refused.Reasons[1].Arguments);

        // A file that is not a document is refused and attaches nothing; a key the call does not ask for is refused.
        var exe = new Microsoft.AspNetCore.Http.FormFile(new MemoryStream([0x4D, 0x5A, 0x90, 0x00]), 0, 4, "file", "plan.pdf");
        Assert.Equal("Document.Error.Type", await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, Plan, exe, user)));
        Assert.Equal("Application.Error.WrongState", await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, "other", PdfFile(), user)));
        Assert.Equal(0, await host.QueryAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == app.Id)));

        // Attached twice: only the latest is kept.
        Assert.Null(await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, Plan, PdfFile("v1.pdf"), user)));
        Assert.Null(await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, Plan, PdfFile("v2.pdf"), user)));
        Assert.Equal("v2.pdf", Assert.Single(await host.QueryAsync(db => db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == app.Id).ToListAsync())).FileName);

        await host.WithAsync<ApplicationService>(s => s.SaveDraftAsync(app.Id, "제목", 10_000_000,
            new Dictionary<string, string> { [Summary] = "요약", [Staff] = "12" }));
        Assert.True((await SubmitAsync(host, app.Id)).Submitted);

        // Submitted: no more edits or attachments.
        var locked = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<ApplicationService>(s =>
            s.SaveDraftAsync(app.Id, "바꾼 제목", 1, new Dictionary<string, string>())));
        Assert.Equal("Application.Error.NotEditable", locked.Key);
        Assert.Equal("Application.Error.NotEditable", await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, Plan, PdfFile(), user)));
        Assert.Equal("제목", (await ApplicationAsync(host, app.Id)).Title);
    }

    [Theory, OnEveryDatabase]
    public async Task A_withdrawn_application_cannot_be_submitted(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage());
        var (applicant, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id, submit: false);
        await host.WithAsync<ApplicationService>(s => s.WithdrawAsync(app));
        var refused = await SubmitAsync(host, app);
        Assert.Equal(["Application.Error.NotEditable"], refused.Reasons.Select(r => r.Key));
        Assert.Equal(ApplicationStatus.Withdrawn, (await ApplicationAsync(host, app)).Status);
    }
}
