using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>
/// ApplicationService at submission: eligibility, documents and answers, each reason listed; a withdrawn application
/// stays out.
/// </summary>
public sealed class SubmissionCompletenessTests
{
    [Theory, OnEveryDatabase]
    public async Task An_ineligible_or_incomplete_application_is_refused_with_every_reason_and_stays_a_draft(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var rules = new EligibilityRules([OrganizationType.Startup], MaxCompanyAgeYears: 7, TenantsOnly: true,
            MinHeadcount: 1, MaxHeadcount: 50);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage(rules));

        // Not a tenant, no founding date, no headcount, and nothing filled in.
        var (outsider, outsiderMembers) = await ApplicantAsync(host, status: TenancyStatus.None);
        var empty = await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, outsider.Id, outsiderMembers[0].Id));
        var refused = await SubmitAsync(host, empty.Id);
        Assert.False(refused.Submitted);
        Assert.Equal(["Programs.Eligibility.FoundedUnknown", "Programs.Eligibility.TenantsOnly", "Programs.Eligibility.HeadcountUnknown",
            "Programs.Application.Error.Incomplete"], refused.Reasons.Select(r => r.Key));
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
        Assert.Equal(["Programs.Eligibility.TooOld", "Programs.Eligibility.Headcount"], tooOld.Reasons.Select(r => r.Key));
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
        Assert.Equal(["Programs.Application.Error.Incomplete", "Programs.Application.Error.InvalidAnswer"],
            refused.Reasons.Select(r => r.Key));
        Assert.Equal(["사업계획서"], refused.Reasons[0].Arguments);
        Assert.Equal(["참여 인원"], refused.Reasons[1].Arguments);

        // A file that is not a document is refused and attaches nothing; a key the call does not ask for is refused.
        var exe = new Microsoft.AspNetCore.Http.FormFile(new MemoryStream([0x4D, 0x5A, 0x90, 0x00]), 0, 4, "file", "plan.pdf");
        Assert.Equal("Programs.Document.Error.Type", await host.WithAsync<ApplicationService, string?>(s =>
            s.AttachAsync(app.Id, Plan, exe, user)));
        Assert.Equal("Programs.Application.Error.WrongState", await host.WithAsync<ApplicationService, string?>(s =>
            s.AttachAsync(app.Id, "other", PdfFile(), user)));
        Assert.Equal(0, await host.QueryAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == app.Id)));

        // Attached twice: only the latest is kept.
        Assert.Null(await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, Plan, PdfFile("v1.pdf"), user)));
        Assert.Null(await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(app.Id, Plan, PdfFile("v2.pdf"), user)));
        Assert.Equal("v2.pdf", Assert.Single(await host.QueryAsync(db => db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == app.Id).ToListAsync())).FileName);

        await host.WithAsync<ApplicationService>(s => s.SaveDraftAsync(app.Id, "제목", 10_000_000,
            new Dictionary<string, string> { [Summary] = "요약", [Staff] = "12" }));
        Assert.True((await SubmitAsync(host, app.Id)).Submitted);

        // Submitted: no more edits or attachments.
        var locked = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<ApplicationService>(s =>
            s.SaveDraftAsync(app.Id, "바꾼 제목", 1, new Dictionary<string, string>())));
        Assert.Equal("Programs.Application.Error.NotEditable", locked.Key);
        Assert.Equal("Programs.Application.Error.NotEditable", await host.WithAsync<ApplicationService, string?>(s =>
            s.AttachAsync(app.Id, Plan, PdfFile(), user)));
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
        Assert.Equal(["Programs.Application.Error.NotEditable"], refused.Reasons.Select(r => r.Key));
        Assert.Equal(ApplicationStatus.Withdrawn, (await ApplicationAsync(host, app)).Status);
    }
}
