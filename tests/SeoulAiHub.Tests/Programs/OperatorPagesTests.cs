using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs;

/// <summary>The operator's programs, call form, application management, ranking and ranking export, through the pages.</summary>
public sealed class OperatorPagesTests
{
    private const string Stages = "# paper | 서류평가 | Paper review\ntech | 기술성 | Technology | 60 | 100\nmarket | 사업성 | Market | 40 | 100";

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

        using var saved = await client.SubmitFormAsync($"/calls/new?program={program.Id}", CallFields("2026 실증 공고", Stages, documents: "plan | 사업계획서 | Business plan"), "form.call-form");
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

        using var refused = await client.SubmitFormAsync($"/calls/{call.Id}/edit", new Dictionary<string, string>(), "form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("평가 단계와 평가 항목이 하나 이상", (await HubClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CallStatus.Draft, await host.QueryAsync(db => db.Calls.Where(c => c.Id == call.Id).Select(c => c.Status).SingleAsync()));

        using var copied = await client.SubmitFormAsync($"/calls/{call.Id}/edit", new Dictionary<string, string>(), "form[action*='handler=Copy']");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = await host.QueryAsync(db => db.Calls.SingleAsync(c => c.CopiedFromId == call.Id));
        Assert.Equal($"/calls/{copy.Id}/edit", copied.Headers.Location!.OriginalString);
        Assert.Equal(CallStatus.Draft, copy.Status);
        Assert.Equal("평가 없는 공고 (복사)", copy.TitleKo);
        var edit = await client.GetDocumentAsync($"/calls/{copy.Id}/edit");
        Assert.Equal("평가 없는 공고 (복사)", edit.QuerySelector<IHtmlInputElement>("#Input_TitleKo")!.Value);
    }

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
        Assert.Equal(ApplicationStatus.Submitted, await host.QueryAsync(db => db.Applications.Where(a => a.Id == first).Select(a => a.Status).SingleAsync()));

        using var assigned = await PostAssignAsync(client, url, [first, second], [clean.Id]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(2, await host.QueryAsync(db => db.ReviewerAssignments.CountAsync(a => a.CallId == call && a.ReviewerId == clean.Id)));
    }

    [Theory, OnEveryDatabase]
    public async Task The_ranking_page_orders_by_score_and_the_CSV_has_a_BOM_and_Korean_headers(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);
        var reviewers = new[] { await host.CreateAsync(HubRoles.Reviewer), await host.CreateAsync(HubRoles.Reviewer) };
        // Requested amounts tie-break equal scores: 가람 and 나래 both score 80, 나래 asks for less.
        var scores = new (string Title, long Requested, int[] Tech, int[] Market)[]
        {
            ("가람 과제", 50_000_000, [80, 80], [80, 80]),
            ("나래 과제", 30_000_000, [80, 80], [80, 80]),
            ("다솜 과제", 40_000_000, [90, 100], [90, 100]),
            ("라온 과제", 10_000_000, [50, 60], [70, 40]),
        };
        var ids = new List<Guid>();
        foreach (var s in scores)
        {
            ids.Add(await SubmitAsync(host, call, (await host.CreateOrganizationAsync()).Id, s.Title, s.Requested));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
            await review.AssignAsync(call, "paper", ids, [.. reviewers.Select(r => r.Id)]);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            for (var r = 0; r < reviewers.Length; r++)
            {
                await ScoreAsync(host, ids[i], reviewers[r].Id, scores[i].Tech[r], scores[i].Market[r]);
            }
        }

        using var client = await host.ClientAsync(HubRoles.Operator);
        var page = await client.GetDocumentAsync($"/calls/{call}/ranking?stage=paper");
        var rows = page.QuerySelectorAll("table.ranking tbody tr");
        Assert.Equal(["다솜 과제", "나래 과제", "가람 과제", "라온 과제"],
            rows.Select(r => scores.Select(s => s.Title).Single(t => r.TextContent.Contains(t, StringComparison.Ordinal))));
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.QuerySelector("td.rank")!.TextContent.Trim()));
        Assert.Equal("95.00", rows[0].QuerySelector("td.score")!.TextContent.Trim());
        Assert.Contains("신청 금액이 적음", rows[2].TextContent, StringComparison.Ordinal);   // 가람 behind 나래 on the amount
        Assert.NotNull(page.QuerySelector("#confirm-form"));   // a single stage: it is the final one
        Assert.Contains("제출되지 않은 심사 0건", page.QuerySelector("#pending-notice")!.TextContent, StringComparison.Ordinal);

        using var csv = await client.GetAsync($"/calls/{call}/ranking.csv?stage=paper");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"ranking-{call}-paper.csv", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("순위,기관,과제명,신청금액,심사위원 수,평가점수,동점 처리,선정(안),심사위원1,심사위원2", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",다솜 과제,40000000,2,95.00,,선정,", lines[1], StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task Confirming_the_final_stage_needs_reasons_for_changes_then_publishes_the_results(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);   // budget 100,000,000원, at most 2 awards
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        var ids = new List<Guid>();
        foreach (var (title, requested) in new[] { ("첫째 과제", 40_000_000L), ("둘째 과제", 30_000_000L), ("셋째 과제", 20_000_000L) })
        {
            ids.Add(await SubmitAsync(host, call, (await host.CreateOrganizationAsync()).Id, title, requested));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewService>().AssignAsync(call, "paper", ids, [reviewer.Id]);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            await ScoreAsync(host, ids[i], reviewer.Id, 90 - (10 * i), 90 - (10 * i));
        }

        using var client = await host.ClientAsync(HubRoles.Operator);
        var url = $"/calls/{call}/ranking";
        var page = await client.GetDocumentAsync(url + "?stage=paper");
        var form = page.QuerySelector("#confirm-form")!;
        Assert.Equal([ids[0].ToString(), ids[1].ToString()], form.QuerySelectorAll("input[name=Selected][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Contains("선정 수 초과", page.QuerySelectorAll("table.ranking tbody tr")[2].TextContent, StringComparison.Ordinal);

        // Rank 3 instead of rank 2 without a reason: refused, nothing decided.
        var values = FormValues(form).Where(v => v.Value != ids[1].ToString() || v.Key != "Selected").ToList();
        values.Add(new("Selected", ids[2].ToString()));
        using (var refused = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var refusedPage = await HubClient.ParseAsync(refused);
            Assert.Contains("2위: 선정(안)과 다르게 결정하려면 사유를 입력하세요", refusedPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(refusedPage.QuerySelector($"#confirm-form input[name=Selected][value='{ids[2]}'][checked]"));   // the operator's choice is kept
        }

        Assert.Null(await host.QueryAsync(db => db.Calls.Where(c => c.Id == call).Select(c => c.ResultsPublishedAt).SingleAsync()));
        Assert.Equal(3, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == call && a.Status == ApplicationStatus.UnderReview)));

        // The same change with reasons on the changed rows goes through.
        values.RemoveAll(v => v.Key == $"Reason-{ids[1]}" || v.Key == $"Reason-{ids[2]}");
        values.Add(new($"Reason-{ids[1]}", "중복 지원"));
        values.Add(new($"Reason-{ids[2]}", "차순위 선정"));
        using var confirmed = await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var statuses = await host.QueryAsync(db => db.Applications.Where(a => a.CallId == call).ToDictionaryAsync(a => a.Id, a => a.Status));
        Assert.Equal([ApplicationStatus.Selected, ApplicationStatus.NotSelected, ApplicationStatus.Selected], ids.Select(id => statuses[id]));

        var results = await client.GetDocumentAsync(url);
        Assert.Null(results.QuerySelector("#confirm-form"));
        Assert.Contains("이의신청 마감", results.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("차순위 선정", results.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

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
        Assert.Contains("양식과 평가 항목은 바꿀 수 없습니다", (await HubClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var stored = await host.QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call));
        Assert.Equal("시험 공고", stored.TitleKo);
        Assert.Equal(2, stored.Design.Stages.Single().Criteria.Count);

        using var sentBack = await client.SubmitFormAsync($"/calls/{call}/manage",
            new Dictionary<string, string> { ["Revision.ApplicationId"] = application.ToString(), ["Revision.Note"] = "예산 내역을 보완해 주세요." }, "#revision-form");
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        var after = await host.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == application));
        Assert.Equal(ApplicationStatus.RevisionsRequested, after.Status);
        Assert.Equal("예산 내역을 보완해 주세요.", after.DecisionNote);

        using var again = await client.SubmitFormAsync($"/calls/{call}/manage",
            new Dictionary<string, string> { ["Revision.ApplicationId"] = application.ToString(), ["Revision.Note"] = "한 번 더" }, "#revision-form");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);   // no longer submitted: refused with a message
        Assert.NotNull((await HubClient.ParseAsync(again)).QuerySelector("[role=alert]"));
    }

    [Theory, OnEveryDatabase]
    public async Task Only_operators_open_the_operator_pages(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host);
        var program = await host.QueryAsync(db => db.Calls.Where(c => c.Id == call).Select(c => c.ProgramId).SingleAsync());
        var organization = await host.CreateOrganizationAsync();
        string[] routes =
        [
            "/programs", $"/programs/{program}", $"/calls/new?program={program}", $"/calls/{call}/edit", $"/calls/{call}/manage",
            $"/calls/{call}/ranking?stage=paper", $"/calls/{call}/ranking.csv?stage=paper",
        ];

        foreach (var role in new string?[] { null, HubRoles.TenantMember, HubRoles.Reviewer, HubRoles.Overseer, HubRoles.Operator })
        {
            using var client = await host.ClientAsync(role, role == HubRoles.TenantMember ? organization.Id : null);
            foreach (var route in routes)
            {
                using var response = await client.GetAsync(route);
                var location = response.Headers.Location?.OriginalString ?? "";
                if (role == HubRoles.Operator)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {route}: {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role ?? "anonymous"} {route}: {(int)response.StatusCode}");
                    Assert.Contains(role is null ? "/account/sign-in" : "/account/access-denied", location, StringComparison.Ordinal);
                }
            }
        }

        using var operatorClient = await host.ClientAsync(HubRoles.Operator);
        foreach (var route in new[] { $"/programs/{Guid.NewGuid()}", $"/calls/new?program={Guid.NewGuid()}", $"/calls/{Guid.NewGuid()}/edit", $"/calls/{Guid.NewGuid()}/manage", $"/calls/{Guid.NewGuid()}/ranking" })
        {
            using var response = await operatorClient.GetAsync(route);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static Dictionary<string, string> CallFields(string title, string stages, string documents = "") => new()
    {
        ["Input.TitleKo"] = title, ["Input.TitleEn"] = "Call " + title.Length, ["Input.BodyKo"] = "# 공고\n본문", ["Input.BodyEn"] = "",
        ["Input.OpensAt"] = "2026-12-01T09:00", ["Input.ClosesAt"] = "2026-12-31T18:00", ["Input.BudgetKrw"] = "300000000",
        ["Input.MaxAwards"] = "3", ["Input.AppealDays"] = "7", ["Input.Types"] = nameof(OrganizationType.Startup),
        ["Input.MaxCompanyAgeYears"] = "7", ["Input.MinHeadcount"] = "", ["Input.MaxHeadcount"] = "",
        ["Input.FieldsText"] = "summary | 요약 | Summary | text | required", ["Input.DocumentsText"] = documents, ["Input.StagesText"] = stages,
    };

    private static List<KeyValuePair<string, string>> FormValues(IElement form) =>
    [
        .. form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked)
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)),
    ];

    private static async Task ScoreAsync(HubAppFactory host, Guid applicationId, Guid reviewerId, int tech, int market)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeoulAiHub.Platform.Data.HubDb>();
        var assignment = await db.ReviewerAssignments.Where(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId).Select(a => a.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<ReviewService>().ScoreAsync(assignment, reviewerId,
            new Dictionary<string, CriterionScore> { ["tech"] = new(tech, null), ["market"] = new(market, null) }, submit: true);
    }

    private static Task<HttpResponseMessage> PostAssignAsync(HubClient client, string url, Guid[] applications, Guid[] reviewers)
    {
        // The form's own values plus several ticked boxes of the same name, as a browser posts them.
        return PostAsync();

        async Task<HttpResponseMessage> PostAsync()
        {
            var page = await client.GetDocumentAsync(url);
            var form = page.QuerySelector("#assign-form")!;
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var values = new List<KeyValuePair<string, string>>
            {
                new("__RequestVerificationToken", token), new("Assign.StageKey", "paper"), new("Assign.Scope", "ticked"),
            };
            values.AddRange(applications.Select(a => new KeyValuePair<string, string>("ApplicationIds", a.ToString())));
            values.AddRange(reviewers.Select(r => new KeyValuePair<string, string>("Assign.ReviewerIds", r.ToString())));
            return await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        }
    }

    private static async Task<string> AlertAsync(HttpResponseMessage response) =>
        (await HubClient.ParseAsync(response)).QuerySelector("main")?.TextContent ?? "";

    private static async Task<Guid> CreateProgramAsync(HubAppFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        return (await calls.CreateProgramAsync(ProgramKind.RndGrant, "시험 사업 " + Guid.NewGuid().ToString("N")[..6], "Test program", null, null)).Id;
    }

    /// <summary>A published call, open now, with one stage (paper: tech 60, market 40) and no other requirement.</summary>
    private static async Task<Guid> PublishedCallAsync(HubAppFactory host)
    {
        var program = await CreateProgramAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        var (design, errors) = CallDesignText.Parse(EligibilityRules.Anyone, null, null, Stages);
        Assert.Empty(errors);
        var now = DateTimeOffset.UtcNow;
        var call = await calls.CreateAsync(program, new CallText("시험 공고", "Test call", "본문", null),
            new CallTerms(now.AddDays(-1), now.AddDays(30), 100_000_000, 2, 7), design!);
        await calls.PublishAsync(call.Id);
        return call.Id;
    }

    private static async Task<Guid> SubmitAsync(HubAppFactory host, Guid call, Guid organizationId, string title, long requested)
    {
        var user = await host.CreateAsync(HubRoles.TenantMember, organizationId);
        await using var scope = host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var application = await applications.StartAsync(call, organizationId, user.Id);
        await applications.SaveDraftAsync(application.Id, title, requested, new Dictionary<string, string>());
        var outcome = await applications.SubmitAsync(application.Id);
        Assert.True(outcome.Submitted, string.Join(", ", outcome.Reasons.Select(r => r.Key)));
        return application.Id;
    }
}
