using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs;

/// <summary>
/// Builds programs, calls and applications through the real services of a running host, for the service-level
/// integration tests of the programs module.
/// </summary>
internal static class ProgramsServiceScenario
{
    public const string Summary = "summary";
    public const string Staff = "staff";
    public const string Plan = "plan";

    /// <summary>Two stages: paper (tech 60 of 100, biz 40 of 50; tech the heaviest) and pitch (one criterion of 10).</summary>
    public static CallDesign TwoStages(EligibilityRules? eligibility = null) => new(
        eligibility ?? EligibilityRules.Anyone,
        [
            new FormField(Summary, "사업 요약", "Summary", FieldType.Text, Required: true),
            new FormField(Staff, "참여 인원", "Staff", FieldType.Number, Required: false),
        ],
        [new RequiredDocument(Plan, "사업계획서", "Business plan")],
        [
            new EvaluationStage("paper", "서류평가", "Paper review",
                [new Criterion("tech", "기술성", "Technology", 60, 100), new Criterion("biz", "사업성", "Business", 40, 50)]),
            new EvaluationStage("pitch", "발표평가", "Pitch", [new Criterion("talk", "발표", "Presentation", 1, 10)]),
        ]);

    public static CallDesign OneStage(EligibilityRules? eligibility = null) =>
        TwoStages(eligibility) with { Stages = [TwoStages().Stages[0]] };

    /// <summary>
    /// A published call open from a day before <paramref name="now"/> until <paramref name="closesAt"/> (default: in 30 days).
    /// </summary>
    public static async Task<Call> PublishedCallAsync(HubAppFactory host, DateTimeOffset now, CallDesign? design = null,
        long budgetKrw = 100_000_000, int maxAwards = 1, DateTimeOffset? closesAt = null, int appealDays = 7)
    {
        return await host.WithAsync<CallService, Call>(async calls =>
        {
            var program = await calls.CreateProgramAsync(ProgramKind.RndGrant, "AI 기술개발 지원 (시험)", "AI R&D support (test)", null, null);
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var call = await calls.CreateAsync(program.Id, new CallText($"시험 공고 {suffix}", $"Test call {suffix}", "**본문**", null),
                new CallTerms(now.AddDays(-1), closesAt ?? now.AddDays(30), budgetKrw, maxAwards, appealDays), design ?? TwoStages());
            await calls.PublishAsync(call.Id);
            return call;
        });
    }

    public static IFormFile PdfFile(string name = "사업계획서.pdf")
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", name);
    }

    /// <summary>An organization with one active member (plus <paramref name="extraMembers"/>), for applying.</summary>
    public static async Task<(Organization Organization, TestUser[] Members)> ApplicantAsync(HubAppFactory host, int extraMembers = 0,
        TenancyStatus status = TenancyStatus.Resident)
    {
        var organization = await host.CreateOrganizationAsync(status: status);
        var members = new List<TestUser>();
        for (var i = 0; i <= extraMembers; i++)
        {
            members.Add(await host.CreateAsync(HubRoles.TenantMember, organization.Id));
        }

        return (organization, members.ToArray());
    }

    /// <summary>Starts, fills, attaches the plan to and (unless told not to) submits an application.</summary>
    public static async Task<Guid> ApplyAsync(HubAppFactory host, Guid callId, Guid organizationId, Guid userId,
        string title = "AI 비전 검사 고도화", long requestedKrw = 40_000_000, bool submit = true)
    {
        var application = await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(callId, organizationId, userId));
        await host.WithAsync<ApplicationService>(s => s.SaveDraftAsync(application.Id, title, requestedKrw,
            new Dictionary<string, string> { [Summary] = "제조 현장의 불량 검사를 AI로 자동화합니다.", [Staff] = "12" }));
        Assert.Null(await host.WithAsync<ApplicationService, string?>(s => s.AttachAsync(application.Id, Plan, PdfFile(), userId)));
        if (submit)
        {
            var outcome = await host.WithAsync<ApplicationService, SubmitOutcome>(s => s.SubmitAsync(application.Id));
            Assert.True(outcome.Submitted, string.Join(", ", outcome.Reasons.Select(r => r.Key)));
        }

        return application.Id;
    }

    public static Task<SubmitOutcome> SubmitAsync(HubAppFactory host, Guid applicationId) =>
        host.WithAsync<ApplicationService, SubmitOutcome>(s => s.SubmitAsync(applicationId));

    public static Task<List<ReviewerAssignment>> AssignmentsAsync(HubAppFactory host, Guid callId, string stageKey) =>
        host.QueryAsync(db => db.ReviewerAssignments.AsNoTracking().Where(a => a.CallId == callId && a.StageKey == stageKey).ToListAsync());

    public static Task<Application> ApplicationAsync(HubAppFactory host, Guid applicationId) =>
        host.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));

    public static Task ScoreAsync(HubAppFactory host, ReviewerAssignment assignment, params (string Key, int Score)[] scores) =>
        host.WithAsync<ReviewService>(s => s.ScoreAsync(assignment.Id, assignment.ReviewerId,
            scores.ToDictionary(x => x.Key, x => new CriterionScore(x.Score, "심사 의견")), submit: true));

    /// <summary>
    /// A one-stage call with one application taken through review and selection: its status is Selected. Returns the
    /// call, the application and the applicant's members.
    /// </summary>
    public static async Task<(Call Call, Guid ApplicationId, Organization Organization, TestUser[] Members)> SelectedAsync(
        HubAppFactory host, DateTimeOffset now, int extraMembers = 0)
    {
        var call = await PublishedCallAsync(host, now, OneStage());
        var (organization, members) = await ApplicantAsync(host, extraMembers);
        var applicationId = await ApplyAsync(host, call.Id, organization.Id, members[0].Id, requestedKrw: 30_000_000);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [applicationId], [reviewer.Id]));
        await ScoreAsync(host, Assert.Single(await AssignmentsAsync(host, call.Id, "paper")), ("tech", 80), ("biz", 40));
        await host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id,
            [new SelectionDecision(applicationId, true, 30_000_000, null)]));
        Assert.Equal(ApplicationStatus.Selected, (await ApplicationAsync(host, applicationId)).Status);
        return (call, applicationId, organization, members);
    }
}
