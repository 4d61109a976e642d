using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Running;

/// <summary>Shared steps of the operator page tests: the call form's fields, a published call with one stage, submitted
/// applications and their scores, and the assignment form posted as a browser does.</summary>
internal static class OperatorPages
{
    public const string Stages = "# paper | 서류평가 | Paper review\ntech | 기술성 | Technology | 60 | 100\nmarket | 사업성 | Market | 40 | 100";

    public static Dictionary<string, string> CallFields(string title, string stages, string documents = "") => new()
    {
        ["Input.TitleKo"] = title, ["Input.TitleEn"] = "Call " + title.Length, ["Input.BodyKo"] = "# 공고\n본문", ["Input.BodyEn"] = "",
        ["Input.OpensAt"] = "2026-12-01T09:00", ["Input.ClosesAt"] = "2026-12-31T18:00", ["Input.BudgetKrw"] = "300000000",
        ["Input.MaxAwards"] = "3", ["Input.AppealDays"] = "7", ["Input.Types"] = nameof(OrganizationType.Startup),
        ["Input.MaxCompanyAgeYears"] = "7", ["Input.MinHeadcount"] = "", ["Input.MaxHeadcount"] = "",
        ["Input.FieldsText"] = "summary | 요약 | Summary | text | required", ["Input.DocumentsText"] = documents,
        ["Input.StagesText"] = stages,
    };

    public static List<KeyValuePair<string, string>> FormValues(IElement form) =>
    [
        .. form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked)
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)),
    ];

    public static async Task ScoreAsync(HubAppFactory host, Guid applicationId, Guid reviewerId, int tech, int market)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeoulAiHub.Platform.Data.HubDb>();
        var assignment = await db.ReviewerAssignments.Where(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId)
            .Select(a => a.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<ReviewService>().ScoreAsync(assignment, reviewerId,
            new Dictionary<string, CriterionScore> { ["tech"] = new(tech, null), ["market"] = new(market, null) }, submit: true);
    }

    public static Task<HttpResponseMessage> PostAssignAsync(HubClient client, string url, Guid[] applications, Guid[] reviewers)
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

    public static async Task<string> AlertAsync(HttpResponseMessage response) =>
        (await HubClient.ParseAsync(response)).QuerySelector("main")?.TextContent ?? "";

    public static async Task<Guid> CreateProgramAsync(HubAppFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var calls = scope.ServiceProvider.GetRequiredService<CallService>();
        return (await calls.CreateProgramAsync(ProgramKind.RndGrant, "시험 사업 " + Guid.NewGuid().ToString("N")[..6],
            "Test program", null, null)).Id;
    }

    /// <summary>A published call, open now, with one stage (paper: tech 60, market 40) and no other requirement.</summary>
    public static async Task<Guid> PublishedCallAsync(HubAppFactory host)
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

    public static async Task<Guid> SubmitAsync(HubAppFactory host, Guid call, Guid organizationId, string title, long requested)
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
