using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Applying;

/// <summary>After the results: the applicant appeals and reports, the operator answers and runs the agreement to completion.</summary>
public sealed class AppealReportAndAgreementTests
{
    [Theory, OnEveryDatabase]
    public async Task After_the_results_the_applicant_appeals_and_reports_and_the_operator_answers_and_runs_the_agreement(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var (member, _) = await host.MemberAsync((await host.CreateOrganizationAsync()).Id);
        using var _member = member;
        var (url, _) = await host.SubmittedApplicationAsync(call.Id, member);
        var id = ProgramPages.IdOf(url);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        var assignment = await host.AssignAsync(call.Id, id, reviewer.Id);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewService>().ScoreAsync(assignment, reviewer.Id,
                new Dictionary<string, CriterionScore> { ["tech"] = new(8, null), ["biz"] = new(15, null) }, submit: true);
            await scope.ServiceProvider.GetRequiredService<SelectionService>().ConfirmAsync(call.Id,
                [new SelectionDecision(id, true, 25_000_000, "예산 조정")]);
        }

        var page = await member.GetDocumentAsync(url);
        Assert.Contains("25,000,000원", page.QuerySelector(".result")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("예산 조정", page.QuerySelector(".result")!.TextContent, StringComparison.Ordinal);
        using (var appealed = await member.PostHandlerAsync(url, "Appeal", new Dictionary<string, string> { ["text"] = "금액 재검토 요청" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, appealed.StatusCode);
        }

        using (var again = await member.PostHandlerAsync(url, "Appeal", new Dictionary<string, string> { ["text"] = "두 번째" }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);   // one open appeal at a time
            Assert.NotEmpty(ProgramPages.Alerts(await HubClient.ParseAsync(again)));
        }

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        var appealId = await host.QueryAsync(db => db.Appeals.Where(a => a.ApplicationId == id).Select(a => a.Id).SingleAsync());
        Assert.NotNull((await operatorClient.GetDocumentAsync(url)).QuerySelector($"form[action*='appealId={appealId}']"));
        (await operatorClient.PostHandlerAsync(url, $"AnswerAppeal&appealId={appealId}",
            new Dictionary<string, string> { ["answer"] = "원안 유지", ["upheld"] = "false" })).Dispose();
        (await operatorClient.PostHandlerAsync(url, "DraftAgreement", new Dictionary<string, string>
            { ["awardKrw"] = "25000000", ["startsOn"] = "2026-01-01", ["endsOn"] = "2026-12-31" })).Dispose();
        using (var outside = await operatorClient.PostHandlerAsync(url, "Milestone", new Dictionary<string, string>
               { ["title"] = "결과보고", ["deliverable"] = "보고서", ["dueOn"] = "2027-06-30" }))
        {
            Assert.Equal(HttpStatusCode.OK, outside.StatusCode);   // after the agreement's end: refused with a message
            Assert.NotEmpty(ProgramPages.Alerts(await HubClient.ParseAsync(outside)));
        }

        (await operatorClient.PostHandlerAsync(url, "Milestone", new Dictionary<string, string>
            { ["title"] = "결과보고", ["deliverable"] = "보고서", ["dueOn"] = "2026-12-15" })).Dispose();
        (await operatorClient.PostHandlerAsync(url, "Sign", [])).Dispose();
        Assert.Equal(ApplicationStatus.InProgress, await host.QueryAsync(db =>
            db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        page = await member.GetDocumentAsync(url);
        Assert.Contains("원안 유지", page.QuerySelector(".appeal")!.TextContent, StringComparison.Ordinal);
        var reportForm = page.QuerySelector("form.report-form")!;
        var token = reportForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
            form.Add(new StringContent("Final"), "kind");
            form.Add(new StringContent("최종 결과를 보고합니다."), "text");
            form.Add(new ByteArrayContent(ProgramPages.Pdf), "file", "final.pdf");
            using var reported = await member.Http.PostAsync(reportForm.GetAttribute("action"), form);
            Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        }

        var reportId = await host.QueryAsync(db => db.AgreementReports.Select(r => new { r.Id, r.AgreementId })
            .Where(r => db.Agreements.Any(x => x.Id == r.AgreementId && x.ApplicationId == id)).Select(r => r.Id).SingleAsync());
        using (var file = await member.GetAsync($"{url}/reports/{reportId}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(ProgramPages.Pdf, await file.Content.ReadAsByteArrayAsync());
        }

        using (var stranger = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id))
        using (var hidden = await stranger.GetAsync($"{url}/reports/{reportId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        (await operatorClient.PostHandlerAsync(url, $"ReviewReport&reportId={reportId}",
            new Dictionary<string, string> { ["accept"] = "true" })).Dispose();
        Assert.Equal(ApplicationStatus.Completed, await host.QueryAsync(db =>
            db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Contains("완료", (await member.GetDocumentAsync(url)).QuerySelector("#application-status")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains("선정 안내", (await member.GetDocumentAsync("/notifications")).QuerySelector("ul.notices")!.TextContent,
            StringComparison.Ordinal);
    }
}
