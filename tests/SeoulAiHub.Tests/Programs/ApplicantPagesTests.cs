using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs;

/// <summary>Calls, applications, documents and their setup, shared by the applicant and reviewer page tests.</summary>
internal static class ProgramPages
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly CallDesign Design = new(
        new EligibilityRules(Types: [OrganizationType.Startup]),
        [
            new FormField("summary", "사업 개요", "Summary", FieldType.Text, true),
            new FormField("team", "팀 규모", "Team size", FieldType.Number, false),
        ],
        [new RequiredDocument("plan", "사업계획서", "Business plan")],
        [new EvaluationStage("doc", "서류평가", "Document review",
            [new Criterion("tech", "기술성", "Technology", 60, 10), new Criterion("biz", "사업성", "Business", 40, 20)])]);

    /// <summary>A call of a new program; published and open now unless told otherwise.</summary>
    public static async Task<Call> CreateCallAsync(this HubAppFactory host, bool publish = true, string? title = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        var program = await calls.CreateProgramAsync(ProgramKind.RndGrant, "시험 지원사업", "Test program", null, null);
        var now = DateTimeOffset.UtcNow;
        title ??= "시험 공고 " + Guid.NewGuid().ToString("N")[..8];
        var call = await calls.CreateAsync(program.Id, new CallText(title, title + " (en)", "## 공고 본문\n\n내용", null),
            new CallTerms(now.AddDays(-1), now.AddDays(7), 100_000_000, 3, 7), Design);
        if (publish)
        {
            await calls.PublishAsync(call.Id);
        }

        return call;
    }

    public static async Task<Guid> AttachAsync(this HubAppFactory host, Guid callId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var stream = new MemoryStream(Pdf);
        var upload = new Microsoft.AspNetCore.Http.FormFile(stream, 0, Pdf.Length, "file", "공고문.pdf");
        Assert.Null(await scope.ServiceProvider.GetRequiredService<CallService>().AttachAsync(callId, upload));
        return await host.QueryAsync(db => db.CallAttachments.Where(a => a.CallId == callId).Select(a => a.Id).SingleAsync());
    }

    public static async Task<(HubClient Client, TestUser User)> MemberAsync(this HubAppFactory host, Guid organizationId)
    {
        var user = await host.CreateAsync(HubRoles.TenantMember, organizationId);
        var client = host.CreateHubClient();
        await client.SignInAsync(user);
        return (client, user);
    }

    public static async Task<(HubClient Client, TestUser User)> SignedInAsync(this HubAppFactory host, string role)
    {
        var user = await host.CreateAsync(role);
        var client = host.CreateHubClient();
        await client.SignInAsync(user);
        return (client, user);
    }

    /// <summary>Applies through the call page's button; answers the application's address.</summary>
    public static async Task<string> ApplyAsync(this HubClient client, Guid callId)
    {
        using var response = await client.SubmitFormAsync($"/calls/{callId}", new Dictionary<string, string>(), "form.apply-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/applications/", location, StringComparison.Ordinal);
        return location;
    }

    public static async Task<string> TokenAsync(this HubClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static async Task<HttpResponseMessage> PostHandlerAsync(this HubClient client, string url, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.TokenAsync(url);
        return await client.PostFormAsync($"{url}?handler={handler}", fields);
    }

    public static Dictionary<string, string> Answers(string title = "AI 과제") => new()
    {
        ["Input.Title"] = title,
        ["Input.RequestedKrw"] = "30,000,000",
        ["Input.Answers[summary]"] = "생성형 AI 실증",
        ["Input.Answers[team]"] = "5",
    };

    public static async Task<HttpResponseMessage> UploadAsync(this HubClient client, string url, string key, byte[] bytes, string fileName)
    {
        var token = await client.TokenAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync($"{url}?handler=Upload&key={key}", form);
    }

    public static Guid IdOf(string applicationUrl) => Guid.Parse(applicationUrl["/applications/".Length..]);

    /// <summary>An organization's application filled in, with its plan uploaded, submitted; answers (url, document id).</summary>
    public static async Task<(string Url, Guid DocumentId)> SubmittedApplicationAsync(this HubAppFactory host, Guid callId, HubClient member)
    {
        var url = await member.ApplyAsync(callId);
        (await member.PostHandlerAsync(url, "Save", Answers())).Dispose();
        (await member.UploadAsync(url, "plan", Pdf, "plan.pdf")).Dispose();
        using var submitted = await member.PostHandlerAsync(url, "Submit", Answers());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = IdOf(url);
        var documentId = await host.QueryAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.Id).SingleAsync());
        return (url, documentId);
    }

    public static async Task<Guid> AssignAsync(this HubAppFactory host, Guid callId, Guid applicationId, Guid reviewerId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewService>().AssignAsync(callId, "doc", [applicationId], [reviewerId]);
        return await host.QueryAsync(db => db.ReviewerAssignments.Where(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId).Select(a => a.Id).SingleAsync());
    }

    public static string Alerts(IDocument page) => string.Join(" | ", page.QuerySelectorAll(".alert").Select(a => a.TextContent));
}

public sealed class ApplicantPagesTests
{

    [Theory, OnEveryDatabase]
    public async Task Anonymous_visitors_see_open_calls_but_never_drafts(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var open = await host.CreateCallAsync();
        var draft = await host.CreateCallAsync(publish: false);
        using var visitor = host.CreateHubClient();

        var list = await visitor.GetDocumentAsync("/calls");
        var openCard = list.QuerySelectorAll(".call-card").Single(c => c.TextContent.Contains(open.TitleKo, StringComparison.Ordinal));
        Assert.Contains("접수중", openCard.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.TitleKo, list.Body!.TextContent, StringComparison.Ordinal);

        var page = await visitor.GetDocumentAsync($"/calls/{open.Id}");
        Assert.Equal(open.TitleKo, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("사업계획서", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("기술성", page.QuerySelector("table.criteria")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/account/sign-in", page.QuerySelector(".apply-box a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.apply-form"));

        var attachment = await host.AttachAsync(open.Id);
        Assert.NotNull((await visitor.GetDocumentAsync($"/calls/{open.Id}")).QuerySelector($"a[href='/calls/{open.Id}/attachments/{attachment}']"));
        using (var file = await visitor.GetAsync($"/calls/{open.Id}/attachments/{attachment}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(ProgramPages.Pdf, await file.Content.ReadAsByteArrayAsync());
        }

        var draftAttachment = await host.AttachAsync(draft.Id);
        using (var hiddenFile = await visitor.GetAsync($"/calls/{draft.Id}/attachments/{draftAttachment}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenFile.StatusCode);
        }

        using (var english = host.CreateHubClient())
        {
            (await english.GetAsync($"/culture?c=en&returnUrl=%2Fcalls%2F{open.Id}")).Dispose();
            Assert.Equal(open.TitleEn, (await english.GetDocumentAsync($"/calls/{open.Id}")).QuerySelector("h1")!.TextContent);
            Assert.Contains(open.TitleEn, (await english.GetDocumentAsync("/calls")).QuerySelector(".calls-list")!.TextContent, StringComparison.Ordinal);
        }

        using var hidden = await visitor.GetAsync($"/calls/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var member = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        using var stillHidden = await member.GetAsync($"/calls/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, stillHidden.StatusCode);
        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        using var shown = await operatorClient.GetAsync($"/calls/{draft.Id}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task A_member_applies_saves_uploads_a_pdf_and_submits(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var organization = await host.CreateOrganizationAsync(type: OrganizationType.Startup);
        var (member, _) = await host.MemberAsync(organization.Id);
        using var _member = member;

        var url = await member.ApplyAsync(call.Id);
        Assert.Equal(url, await member.ApplyAsync(call.Id));   // applying again finds the same draft
        using (var saved = await member.PostHandlerAsync(url, "Save", ProgramPages.Answers("첫 제목")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var id = ProgramPages.IdOf(url);
        var draft = await host.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(("첫 제목", 30_000_000L, "생성형 AI 실증"), (draft.Title, draft.RequestedKrw, draft.Answers["summary"]));

        // The autosave script's post answers the time it saved at.
        var autosave = ProgramPages.Answers("자동 저장된 제목");
        using (var response = await member.PostHandlerAsync(url, "Autosave", autosave))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Matches("^[0-2][0-9]:[0-5][0-9]$", json.RootElement.GetProperty("savedAt").GetString()!);
        }

        Assert.Equal("자동 저장된 제목", await host.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
        var form = (await member.GetDocumentAsync(url)).QuerySelector("#application-form")!;
        Assert.Equal($"/applications/{id}?handler=Autosave", form.GetAttribute("data-autosave-url"));
        Assert.Equal("자동 저장된 제목", form.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("생성형 AI 실증", form.QuerySelector("textarea[name='Input.Answers[summary]']")!.TextContent);
        Assert.Equal("5", form.QuerySelector("input[type=number][name='Input.Answers[team]']")!.GetAttribute("value"));
        Assert.Equal($"/applications/{id}?handler=Submit", form.QuerySelector("button[formaction]")!.GetAttribute("formaction"));
        var script = (await member.GetDocumentAsync(url)).QuerySelector("script[src^='/js/autosave.js']")!.GetAttribute("src")!;
        using (var js = await member.GetAsync(script))
        {
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Contains("handler", await member.Http.GetStringAsync(script), StringComparison.Ordinal);
        }

        using (var refused = await member.UploadAsync(url, "plan", "not a pdf"u8.ToArray(), "plan.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEmpty(ProgramPages.Alerts(await HubClient.ParseAsync(refused)));
        }

        using (var uploaded = await member.UploadAsync(url, "plan", ProgramPages.Pdf, "사업계획서.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var page = await member.GetDocumentAsync(url);
        Assert.Contains("사업계획서.pdf", page.QuerySelector(".uploads")!.TextContent, StringComparison.Ordinal);

        using (var submitted = await member.PostHandlerAsync(url, "Submit", ProgramPages.Answers()))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        page = await member.GetDocumentAsync(url);
        Assert.Equal("제출됨", page.QuerySelector("#application-status")!.TextContent);
        Assert.Null(page.QuerySelector("#application-form"));
        Assert.Contains("생성형 AI 실증", page.QuerySelector("dl.answers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        var list = await member.GetDocumentAsync("/applications");
        Assert.Contains("제출됨", list.QuerySelector("table.applications")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"a[href='{url}']"));
    }

    [Theory, OnEveryDatabase]
    public async Task A_member_of_several_organizations_chooses_which_one_applies(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var first = await host.CreateOrganizationAsync();
        var second = await host.CreateOrganizationAsync();
        var foreign = await host.CreateOrganizationAsync();
        var (member, user) = await host.MemberAsync(first.Id);
        using var _member = member;
        await host.QueryAsync(db =>
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(second.Id, user.Id, HubRoles.TenantMember, MembershipRole.Member, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        var options = (await member.GetDocumentAsync($"/calls/{call.Id}")).QuerySelectorAll("form.apply-form select[name=OrganizationId] option")
            .Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(new[] { first.Id.ToString(), second.Id.ToString() }.Order(), options.Order());

        using (var refused = await member.SubmitFormAsync($"/calls/{call.Id}/apply", new Dictionary<string, string> { ["OrganizationId"] = foreign.Id.ToString() }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEmpty(ProgramPages.Alerts(await HubClient.ParseAsync(refused)));
        }

        using (var started = await member.SubmitFormAsync($"/calls/{call.Id}", new Dictionary<string, string> { ["OrganizationId"] = second.Id.ToString() }, "form.apply-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var applicants = await host.QueryAsync(db => db.Applications.Where(a => a.CallId == call.Id).Select(a => a.OrganizationId).ToListAsync());
        Assert.Equal([second.Id], applicants);
    }

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
        Assert.Equal(ApplicationStatus.Draft, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
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
        Assert.Contains("이 공고는 지원 대상 기관 유형이 아닙니다.", (await member.GetDocumentAsync(url)).QuerySelector(".eligibility")!.TextContent, StringComparison.Ordinal);
        (await member.UploadAsync(url, "plan", ProgramPages.Pdf, "plan.pdf")).Dispose();

        using var response = await member.PostHandlerAsync(url, "Submit", ProgramPages.Answers());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = ProgramPages.Alerts(await HubClient.ParseAsync(response));
        Assert.Contains("이 공고는 지원 대상 기관 유형이 아닙니다.", alerts, StringComparison.Ordinal);
        var id = ProgramPages.IdOf(url);
        Assert.Equal(ApplicationStatus.Draft, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

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
        (await operatorClient.PostHandlerAsync(url, $"AnswerAppeal&appealId={appealId}", new Dictionary<string, string> { ["answer"] = "원안 유지", ["upheld"] = "false" })).Dispose();
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
        Assert.Equal(ApplicationStatus.InProgress, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

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

        var reportId = await host.QueryAsync(db => db.AgreementReports.Select(r => new { r.Id, r.AgreementId }).Where(r => db.Agreements.Any(x => x.Id == r.AgreementId && x.ApplicationId == id)).Select(r => r.Id).SingleAsync());
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

        (await operatorClient.PostHandlerAsync(url, $"ReviewReport&reportId={reportId}", new Dictionary<string, string> { ["accept"] = "true" })).Dispose();
        Assert.Equal(ApplicationStatus.Completed, await host.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Contains("완료", (await member.GetDocumentAsync(url)).QuerySelector("#application-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("선정 안내", (await member.GetDocumentAsync("/notifications")).QuerySelector("ul.notices")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task Notifications_page_lists_only_the_users_own_notices_and_marks_them_read(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (mine, me) = await host.SignedInAsync(HubRoles.TenantMember);
        using var _mine = mine;
        var other = await host.CreateAsync(HubRoles.TenantMember);
        var own = "내 알림 " + Guid.NewGuid().ToString("N")[..6];
        var foreign = "남의 알림 " + Guid.NewGuid().ToString("N")[..6];
        await host.QueryAsync(async db =>
        {
            db.Notifications.Add(SeoulAiHub.Features.Notifications.Notification.Create(me.Id, own, own + " (en)", "/applications", DateTimeOffset.UtcNow));
            db.Notifications.Add(SeoulAiHub.Features.Notifications.Notification.Create(other.Id, foreign, foreign + " (en)", "/applications", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        var page = await mine.GetDocumentAsync("/notifications");
        var notices = page.QuerySelector("ul.notices")!.TextContent;
        Assert.Contains(own, notices, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign, notices, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("li.notice.unread"));

        using (var read = await mine.SubmitFormAsync("/notifications", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        }

        Assert.Empty((await mine.GetDocumentAsync("/notifications")).QuerySelectorAll("li.notice.unread"));
        Assert.Equal(1, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == other.Id && n.ReadAt == null)));
    }
}
