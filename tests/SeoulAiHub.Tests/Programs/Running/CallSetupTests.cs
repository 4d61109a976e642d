using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.Running.OperatorPages;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>Programs and calls made through the pages: the design in plain text, its errors by line, publishing and copying.</summary>
public sealed class CallSetupTests
{
    [Theory, OnEveryDatabase]
    public async Task An_operator_creates_a_program_and_a_call_through_the_pages(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var name = "AI 실증 지원 " + Guid.NewGuid().ToString("N")[..6];

        using var created = await client.SubmitFormAsync("/programs", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ProgramKind.Demonstration), ["Input.NameKo"] = name, ["Input.NameEn"] = "AI demonstration",
            ["Input.SummaryKo"] = "수요기관 실증", ["Input.SummaryEn"] = "Demonstrations",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var program = await host.QueryAsync(db => db.Programs.SingleAsync(p => p.NameKo == name));
        Assert.Equal(ProgramKind.Demonstration, program.Kind);
        Assert.Equal($"/programs/{program.Id}", created.Headers.Location!.OriginalString);
        var list = await client.GetDocumentAsync("/programs");
        Assert.Contains(name, list.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("실증 지원", list.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        using var saved = await client.SubmitFormAsync($"/calls/new?program={program.Id}",
            CallFields("2026 실증 공고", Stages, documents: "plan | 사업계획서 | Business plan"), "form.call-form");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await AlertAsync(saved));
        var call = await host.QueryAsync(db => db.Calls.SingleAsync(c => c.ProgramId == program.Id));
        Assert.Equal($"/calls/{call.Id}/edit", saved.Headers.Location!.OriginalString);
        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), call.OpensAt);   // 09:00 KST
        Assert.Equal(300_000_000, call.BudgetKrw);
        Assert.Equal([OrganizationType.Startup], call.Design.Eligibility.Types);
        Assert.Equal(["tech", "market"], call.Design.Stages.Single().Criteria.Select(c => c.Key));
        Assert.Equal("plan", call.Design.Documents.Single().Key);

        var page = await client.GetDocumentAsync($"/programs/{program.Id}");
        Assert.Contains("2026 실증 공고", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 09:00 KST", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/calls/new?program={program.Id}']"));
    }

    [Theory, OnEveryDatabase]
    public async Task A_bad_design_line_is_reported_with_its_section_and_line_and_nothing_is_saved(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var program = await CreateProgramAsync(host);

        using var refused = await client.SubmitFormAsync($"/calls/new?program={program}",
            CallFields("잘못된 공고", "# paper | 서류평가 | Paper review\ntech | 기술성 | Technology | 무거움 | 100"), "form.call-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = (await HubClient.ParseAsync(refused)).QuerySelector("main")!.TextContent;
        Assert.Contains("평가 단계 2번째 줄", text, StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Calls.AnyAsync(c => c.ProgramId == program)));
    }

    [Theory, OnEveryDatabase]
    public async Task Publishing_without_criteria_is_refused_and_copying_makes_a_draft(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var program = await CreateProgramAsync(host);
        (await client.SubmitFormAsync($"/calls/new?program={program}", CallFields("평가 없는 공고", ""), "form.call-form")).Dispose();
        var call = await host.QueryAsync(db => db.Calls.SingleAsync(c => c.ProgramId == program));

        using var refused = await client.SubmitFormAsync($"/calls/{call.Id}/edit", new Dictionary<string, string>(),
            "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("평가 단계와 평가 항목이 하나 이상", (await HubClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(CallStatus.Draft, await host.QueryAsync(db => db.Calls.Where(c => c.Id == call.Id)
            .Select(c => c.Status).SingleAsync()));

        using var copied = await client.SubmitFormAsync($"/calls/{call.Id}/edit", new Dictionary<string, string>(),
            "form[action*='handler=Copy']");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = await host.QueryAsync(db => db.Calls.SingleAsync(c => c.CopiedFromId == call.Id));
        Assert.Equal($"/calls/{copy.Id}/edit", copied.Headers.Location!.OriginalString);
        Assert.Equal(CallStatus.Draft, copy.Status);
        Assert.Equal("평가 없는 공고 (복사)", copy.TitleKo);
        var edit = await client.GetDocumentAsync($"/calls/{copy.Id}/edit");
        Assert.Equal("평가 없는 공고 (복사)", edit.QuerySelector<IHtmlInputElement>("#Input_TitleKo")!.Value);
    }
}
