using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Applying;

/// <summary>A member applies: the draft is saved, autosaved, given its document and submitted.</summary>
public sealed class DraftAndSubmitTests
{
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
        Assert.Equal(ApplicationStatus.Submitted, await host.QueryAsync(db =>
            db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        var list = await member.GetDocumentAsync("/applications");
        Assert.Contains("제출됨", list.QuerySelector("table.applications")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"a[href='{url}']"));
    }
}
