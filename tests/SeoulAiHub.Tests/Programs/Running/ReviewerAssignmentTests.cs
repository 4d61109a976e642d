using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.Running.OperatorPages;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>Assigning reviewers on the manage page: a declared conflict is shown and nothing is assigned.</summary>
public sealed class ReviewerAssignmentTests
{
    [Theory, OnEveryDatabase]
    public async Task Assigning_a_reviewer_with_a_conflict_shows_the_conflict_and_assigns_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);
        var applicant = await host.CreateOrganizationAsync();
        var other = await host.CreateOrganizationAsync();
        var conflicted = await host.CreateAsync(HubRoles.Reviewer);
        var clean = await host.CreateAsync(HubRoles.Reviewer);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewService>().DeclareConflictAsync(conflicted.Id, applicant.Id, null, "전 직장");
        }

        var first = await SubmitAsync(host, call, applicant.Id, "충돌 과제", 10_000_000);
        var second = await SubmitAsync(host, call, other.Id, "다른 과제", 20_000_000);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var url = $"/calls/{call}/manage";

        var page = await client.GetDocumentAsync(url);
        Assert.Contains(conflicted.Email, page.QuerySelector("#assign-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("#assign-form tbody tr").Length);

        using var refused = await PostAssignAsync(client, url, [first, second], [conflicted.Id, clean.Id]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var alert = (await HubClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("이해충돌", alert, StringComparison.Ordinal);
        Assert.Contains(conflicted.Email, alert, StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.ReviewerAssignments.AnyAsync(a => a.CallId == call)));
        Assert.Equal(ApplicationStatus.Submitted, await host.QueryAsync(db =>
            db.Applications.Where(a => a.Id == first).Select(a => a.Status).SingleAsync()));

        using var assigned = await PostAssignAsync(client, url, [first, second], [clean.Id]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(2, await host.QueryAsync(db => db.ReviewerAssignments.CountAsync(a => a.CallId == call && a.ReviewerId == clean.Id)));
    }
}
