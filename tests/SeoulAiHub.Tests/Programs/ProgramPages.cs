using System.Net;
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

    /// <summary>A tenant member of the organization, signed in.</summary>
    public static Task<(HubClient Client, TestUser User)> MemberAsync(this HubAppFactory host, Guid organizationId) =>
        host.SignedInAsync(HubRoles.TenantMember, organizationId);

    /// <summary>Applies through the call page's button; answers the application's address.</summary>
    public static async Task<string> ApplyAsync(this HubClient client, Guid callId)
    {
        using var response = await client.SubmitFormAsync($"/calls/{callId}", new Dictionary<string, string>(), "form.apply-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/applications/", location, StringComparison.Ordinal);
        return location;
    }

    public static async Task<HttpResponseMessage> PostHandlerAsync(this HubClient client, string url, string handler,
        Dictionary<string, string> fields)
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

    public static Task<HttpResponseMessage> UploadAsync(this HubClient client, string url, string key, byte[] bytes, string fileName) =>
        client.PostFileAsync(url, $"{url}?handler=Upload&key={key}", new FileUpload("file", fileName, bytes));

    public static Guid IdOf(string applicationUrl) => Guid.Parse(applicationUrl["/applications/".Length..]);

    /// <summary>An organization's application filled in, with its plan uploaded, submitted; answers (url, document id).</summary>
    public static async Task<(string Url, Guid DocumentId)> SubmittedApplicationAsync(this HubAppFactory host,
        Guid callId, HubClient member)
    {
        var url = await member.ApplyAsync(callId);
        (await member.PostHandlerAsync(url, "Save", Answers())).Dispose();
        (await member.UploadAsync(url, "plan", Pdf, "plan.pdf")).Dispose();
        using var submitted = await member.PostHandlerAsync(url, "Submit", Answers());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = IdOf(url);
        var documentId = await host.QueryAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == id)
            .Select(d => d.Id).SingleAsync());
        return (url, documentId);
    }

    public static async Task<Guid> AssignAsync(this HubAppFactory host, Guid callId, Guid applicationId, Guid reviewerId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewService>().AssignAsync(callId, "doc", [applicationId], [reviewerId]);
        return await host.QueryAsync(db => db.ReviewerAssignments.Where(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId)
            .Select(a => a.Id).SingleAsync());
    }

    public static string Alerts(IDocument page) => string.Join(" | ", page.QuerySelectorAll(".alert").Select(a => a.TextContent));
}
