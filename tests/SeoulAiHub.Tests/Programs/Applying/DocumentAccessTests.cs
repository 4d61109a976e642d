using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Applying;

/// <summary>Who may read an application and its documents, and the audit of every read.</summary>
public sealed class DocumentAccessTests
{
    [Theory, OnEveryDatabase]
    public async Task Documents_reach_only_the_applicant_assigned_reviewers_and_operators_and_every_read_is_audited(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var (member, _) = await host.MemberAsync((await host.CreateOrganizationAsync()).Id);
        using var _member = member;
        var (url, documentId) = await host.SubmittedApplicationAsync(call.Id, member);
        var id = ProgramPages.IdOf(url);
        var documentUrl = $"{url}/documents/{documentId}";
        var (assigned, reviewer) = await host.SignedInAsync(HubRoles.Reviewer);
        using var _assigned = assigned;
        var assignmentId = await host.AssignAsync(call.Id, id, reviewer.Id);
        Task<int> ReadsAsync() => host.QueryAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == "read.personal-data" && e.EntityType == nameof(ApplicationDocument) && e.EntityId == documentId.ToString()));

        // Another organization's member, an unassigned reviewer and anonymous visitors learn nothing.
        using var stranger = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        using var unassigned = await host.ClientAsync(HubRoles.Reviewer);
        foreach (var client in new[] { stranger, unassigned })
        {
            foreach (var address in new[] { url, documentUrl, $"{url}/reports/{Guid.NewGuid()}" })
            {
                using var response = await client.GetAsync(address);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        using (var post = await stranger.PostFormAsync($"{url}?handler=Withdraw", new Dictionary<string, string>
               { ["__RequestVerificationToken"] = await stranger.TokenAsync("/calls/" + call.Id) }))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var anonymous = host.CreateHubClient())
        using (var response = await anonymous.GetAsync(documentUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(0, await ReadsAsync());

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        var readers = new[] { member, assigned, operatorClient };
        foreach (var client in readers)
        {
            using var response = await client.GetAsync(documentUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(ProgramPages.Pdf, await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(readers.Length, await ReadsAsync());

        // The assigned reviewer is sent to the assignment; the operator sees the application with the operator's tools.
        using (var redirect = await assigned.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal($"/review/{assignmentId}", redirect.Headers.Location!.OriginalString);
        }

        Assert.NotNull((await operatorClient.GetDocumentAsync(url)).QuerySelector(".operator-actions"));
        Assert.Null((await member.GetDocumentAsync(url)).QuerySelector(".operator-actions"));
    }
}
