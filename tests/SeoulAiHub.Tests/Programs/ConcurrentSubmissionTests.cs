using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>ApplicationService under concurrent clicks: one submission, one draft.</summary>
public sealed class ConcurrentSubmissionTests
{
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
        Assert.Equal(1, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "application.submitted" &&
            e.EntityId == applicationId.ToString())));
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
}
