using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Applying;

/// <summary>A submission refused says why (a missing document, an ineligible organization) and leaves the draft as it was.</summary>
public sealed class SubmitRefusalTests
{
    [Theory, OnEveryDatabase]
    public async Task Submitting_without_the_required_document_names_it_and_stays_a_draft(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var (member, _) = await host.MemberAsync((await host.CreateOrganizationAsync()).Id);
        using var _member = member;
        var url = await member.ApplyAsync(call.Id);

        using var response = await member.PostHandlerAsync(url, "Submit", ProgramPages.Answers());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = ProgramPages.Alerts(await HubClient.ParseAsync(response));
        Assert.Contains("필수 항목이나 서류가 빠졌습니다", alerts, StringComparison.Ordinal);
        Assert.Contains("사업계획서", alerts, StringComparison.Ordinal);
        var id = ProgramPages.IdOf(url);
        Assert.Equal(ApplicationStatus.Draft, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id)
            .Select(a => a.Status).SingleAsync()));
        Assert.NotNull((await member.GetDocumentAsync(url)).QuerySelector("#application-form"));
    }

    [Theory, OnEveryDatabase]
    public async Task An_ineligible_organization_sees_the_eligibility_reason(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();   // startups only
        var (member, _) = await host.MemberAsync((await host.CreateOrganizationAsync(type: OrganizationType.Sme)).Id);
        using var _member = member;
        var url = await member.ApplyAsync(call.Id);
        Assert.Contains("이 공고는 지원 대상 기관 유형이 아닙니다.", (await member.GetDocumentAsync(url)).QuerySelector(".eligibility")!.TextContent,
            StringComparison.Ordinal);
        (await member.UploadAsync(url, "plan", ProgramPages.Pdf, "plan.pdf")).Dispose();

        using var response = await member.PostHandlerAsync(url, "Submit", ProgramPages.Answers());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = ProgramPages.Alerts(await HubClient.ParseAsync(response));
        Assert.Contains("이 공고는 지원 대상 기관 유형이 아닙니다.", alerts, StringComparison.Ordinal);
        var id = ProgramPages.IdOf(url);
        Assert.Equal(ApplicationStatus.Draft, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id)
            .Select(a => a.Status).SingleAsync()));
    }
}
