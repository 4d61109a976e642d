using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

/// <summary>The submission rule on the entity, in memory; SubmissionTests prove the service applies the same rule.</summary>
public sealed class SubmissionRuleTests
{
    private static readonly DateTimeOffset Opens = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = Opens.AddDays(14);
    private static readonly DateOnly Today = new(2026, 7, 5);
    private static readonly Applicant Startup = new(OrganizationType.Startup, new DateOnly(2022, 3, 2), 12, TenancyStatus.Resident);

    private static Call OpenCall(EligibilityRules? eligibility = null)
    {
        var design = new CallDesign(eligibility ?? EligibilityRules.Anyone,
            [new FormField("budget", "예산", "Budget", FieldType.Amount, Required: true)],
            [],
            [new EvaluationStage("paper", "서류평가", "Papers", [new Criterion("idea", "창의성", "Idea", 1, 10)])]);
        var call = Call.Create(Guid.NewGuid(), new CallText("공고", "Call", "본문", null), new CallTerms(Opens, Closes, 100_000_000, 3, 7),
            design, Opens);
        call.Publish();
        return call;
    }

    private static Application Draft(string budget = "1억 2,000만원")
    {
        var application = Application.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Opens);
        application.SaveDraft("AI 문서 요약", 50_000_000, new Dictionary<string, string> { ["budget"] = budget }, Opens);
        return application;
    }

    [Fact]
    public void A_complete_draft_in_an_open_call_is_submitted_up_to_the_closing_instant()
    {
        var application = Draft();
        Assert.Empty(application.SubmissionRefusals(OpenCall(), Startup, Today, Closes));

        application.Submit(OpenCall(), Startup, Today, Closes);

        Assert.Equal((ApplicationStatus.Submitted, Closes), (application.Status, application.SubmittedAt));
        Assert.False(application.IsEditable);
        var again = application.SubmissionRefusals(OpenCall(), Startup, Today, Closes);
        Assert.Equal(["Programs.Application.Error.NotEditable"], again.Select(r => r.Key));
    }

    [Fact]
    public void After_the_close_only_an_application_sent_back_for_revisions_gets_in()
    {
        var late = Closes.AddSeconds(1);
        var draft = Draft();
        Assert.False(draft.WindowAllows(OpenCall(), late));
        var refused = Assert.Throws<RuleException>(() => draft.Submit(OpenCall(), Startup, Today, late));
        Assert.Equal("Programs.Application.Error.Closed", refused.Key);
        Assert.Equal(ApplicationStatus.Draft, draft.Status);

        var revised = Draft();
        revised.Submit(OpenCall(), Startup, Today, Closes);
        revised.RequestRevisions("예산 근거를 보완해 주세요", late);
        Assert.True(revised.WindowAllows(OpenCall(), late.AddDays(3)));
        revised.Submit(OpenCall(), Startup, Today, late.AddDays(3));
        Assert.Equal(ApplicationStatus.Submitted, revised.Status);
    }

    [Fact]
    public void Every_reason_is_named_at_once()
    {
        var application = Application.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Opens);
        application.SaveDraft("", 0, new Dictionary<string, string>(), Opens);
        var tenantsOnly = OpenCall(new EligibilityRules(TenantsOnly: true, MaxCompanyAgeYears: 3));
        var outsider = Startup with { TenancyStatus = TenancyStatus.None };

        var keys = application.SubmissionRefusals(tenantsOnly, outsider, Today, Opens.AddDays(1)).Select(r => r.Key).ToList();

        Assert.Equal(["Programs.Eligibility.TooOld", "Programs.Eligibility.TenantsOnly", "Programs.Application.Error.Incomplete"], keys);
        Assert.Equal(["Programs.Application.Error.InvalidAnswer"],
            Draft(budget: "천만원").SubmissionRefusals(OpenCall(), Startup, Today, Opens).Select(r => r.Key));
    }

    [Fact]
    public void The_database_and_the_entity_share_one_list_of_submittable_statuses()
    {
        var submittable = Application.Submittable.Compile();
        var draft = Draft();
        var submitted = Draft();
        submitted.Submit(Opens);
        var underReview = Draft();
        underReview.Submit(Opens);
        underReview.StartReview(Opens);
        var revised = Draft();
        revised.Submit(Opens);
        revised.RequestRevisions("보완", Opens);
        var withdrawn = Draft();
        withdrawn.Withdraw(Opens);

        Application[] all = [draft, submitted, underReview, revised, withdrawn];
        Assert.Equal([true, false, false, true, false], all.Select(submittable));
        Assert.Equal([true, false, false, true, false], all.Select(a => a.IsEditable));
    }
}
