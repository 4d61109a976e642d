using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Api;

/// <summary>The JSON API of calls and applications against the demo hub's programs.</summary>
public sealed class CallsApiTests
{
    [Theory, OnEveryDatabase]
    public async Task The_public_lists_open_and_upcoming_calls_but_never_drafts_or_closed_ones(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var draft = await host.QueryAsync(async db =>
        {
            var program = await db.Programs.FirstAsync();
            var call = Call.Create(program.Id, new CallText("비공개 초안 공고", "Hidden draft", "본문", null),
                new CallTerms(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), 0, 1, 7), CallDesign.Empty,
                DateTimeOffset.UtcNow);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
        using var anonymous = await host.ClientAsync(null);

        var calls = await anonymous.Http.GetFromJsonAsync<List<CallSummary>>("/api/calls");

        Assert.NotNull(calls);
        Assert.Contains(calls, c => c.ProgramKind == "RndGrant" && c.State == "open");
        Assert.Contains(calls, c => c.ProgramKind == "TenantRecruitment" && c.State == "upcoming");
        Assert.DoesNotContain(calls, c => c.Id == draft || c.State is "closed" or "draft");
        Assert.Equal(calls.Select(c => c.ClosesAt).Order(), calls.Select(c => c.ClosesAt));   // closing soonest first

        var open = calls.First(c => c.TitleKo.EndsWith("AI 기술개발 과제 공모", StringComparison.Ordinal));   // the demo hub's call
        var detail = await anonymous.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{open.Id}");
        Assert.Equal("documents", detail.GetProperty("design").GetProperty("stages")[0].GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/calls/{draft}")).StatusCode);

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/calls/{draft}")).StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task Members_read_their_own_applications_and_nobody_else_does(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (organizationId, applicationId) = await host.QueryAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Organization)
                .FirstAsync(a => a.Organization.NameKo == "말결랩스" && a.Status == ApplicationStatus.Submitted);
            return (application.OrganizationId, application.Id);
        });
        using var member = await host.ClientAsync(HubRoles.TenantMember, organizationId);
        using var stranger = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        using var anonymous = await host.ClientAsync(null);

        var mine = await member.Http.GetFromJsonAsync<List<ApplicationSummary>>("/api/applications");
        Assert.Contains(mine!, a => a.Id == applicationId && a.Status == "Submitted");
        var detail = await member.Http.GetFromJsonAsync<JsonElement>($"/api/applications/{applicationId}");
        Assert.Equal("plan", detail.GetProperty("documents")[0].GetProperty("key").GetString());

        Assert.Empty((await stranger.Http.GetFromJsonAsync<List<ApplicationSummary>>("/api/applications"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/applications/{applicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/applications/{applicationId}")).StatusCode);
    }
}
