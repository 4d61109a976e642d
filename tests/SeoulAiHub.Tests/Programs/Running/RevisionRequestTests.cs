using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.Running.OperatorPages;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>Once applications are in, the design is fixed, and an application can be sent back for revisions.</summary>
public sealed class RevisionRequestTests
{
    [Theory, OnEveryDatabase]
    public async Task After_submissions_the_design_is_fixed_and_an_application_can_be_sent_back_for_revisions(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);
        var application = await SubmitAsync(host, call, (await host.CreateOrganizationAsync()).Id, "보완 과제", 5_000_000);
        using var client = await host.ClientAsync(HubRoles.Operator);

        var fields = CallFields("바뀐 공고", Stages + "\nteam | 역량 | Team | 10 | 100");
        using var refused = await client.SubmitFormAsync($"/calls/{call}/edit", fields, "#call-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("양식과 평가 항목은 바꿀 수 없습니다", (await HubClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        var stored = await host.QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call));
        Assert.Equal("시험 공고", stored.TitleKo);
        Assert.Equal(2, stored.Design.Stages.Single().Criteria.Count);

        using var sentBack = await client.SubmitFormAsync($"/calls/{call}/manage",
            new Dictionary<string, string> { ["Revision.ApplicationId"] = application.ToString(), ["Revision.Note"] = "예산 내역을 보완해 주세요." },
            "#revision-form");
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        var after = await host.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == application));
        Assert.Equal(ApplicationStatus.RevisionsRequested, after.Status);
        Assert.Equal("예산 내역을 보완해 주세요.", after.DecisionNote);

        using var again = await client.SubmitFormAsync($"/calls/{call}/manage",
            new Dictionary<string, string> { ["Revision.ApplicationId"] = application.ToString(), ["Revision.Note"] = "한 번 더" },
            "#revision-form");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);   // no longer submitted: refused with a message
        Assert.NotNull((await HubClient.ParseAsync(again)).QuerySelector("[role=alert]"));
    }
}
