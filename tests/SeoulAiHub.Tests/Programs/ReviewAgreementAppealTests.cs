using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

/// <summary>Scoring by a reviewer, the agreement's reports, and the appeal window — the domain rules without a database.</summary>
public sealed class ReviewAgreementAppealTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly EvaluationStage Stage = new("paper", "서류", "Paper",
    [
        new Criterion("biz", "사업성", "Business", 30, 50),
        new Criterion("tech", "기술성", "Technology", 70, 20),
    ]);

    private static ReviewerAssignment Assignment() => ReviewerAssignment.Create(Guid.NewGuid(), Guid.NewGuid(), "paper", Guid.NewGuid(), Now);

    private static Dictionary<string, CriterionScore> Scores(int biz, int tech) =>
        new() { ["biz"] = new(biz, "  좋음  "), ["tech"] = new(tech, null) };

    private static void Refused(string key, Action action) =>
        Assert.Equal(key, Assert.Throws<RuleException>(action).Key);

    // ---- ReviewerAssignment.Score -----------------------------------------------------------------------------

    [Fact]
    public void Each_score_must_lie_between_zero_and_the_criterion_maximum()
    {
        var a = Assignment();
        Refused("Review.Error.OutOfRange", () => a.Score(Stage, Scores(51, 10), submit: false, Now));
        Refused("Review.Error.OutOfRange", () => a.Score(Stage, Scores(10, -1), submit: false, Now));
        Refused("Review.Error.OutOfRange", () => a.Score(Stage, Scores(10, 21), submit: true, Now));
        Assert.Empty(a.Scores);
        a.Score(Stage, Scores(0, 20), submit: false, Now);
        a.Score(Stage, Scores(50, 0), submit: false, Now);
        Assert.Equal(50, a.Scores["biz"].Score);
    }

    [Fact]
    public void A_draft_may_be_partial_and_saved_again_but_a_submission_needs_every_criterion()
    {
        var a = Assignment();
        a.Score(Stage, new Dictionary<string, CriterionScore> { ["biz"] = new(40, null), ["unknown"] = new(99, null) }, submit: false, Now);
        Assert.Equal(["biz"], a.Scores.Keys);   // keys that are no criterion are dropped
        Assert.Null(a.WeightedTotal);
        Assert.Null(a.SubmittedAt);
        Refused("Review.Error.Incomplete", () => a.Score(Stage, new Dictionary<string, CriterionScore> { ["biz"] = new(40, null) }, submit: true, Now));
        Assert.Null(a.SubmittedAt);
    }

    [Fact]
    public void A_submission_stores_the_weighted_total_and_the_heaviest_criterion_score_and_is_final()
    {
        var a = Assignment();
        a.Score(Stage, Scores(25, 15), submit: true, Now.AddHours(2));
        // 0.3 * 25/50 + 0.7 * 15/20 = 0.15 + 0.525
        Assert.Equal(67.5m, a.WeightedTotal);
        Assert.Equal(75m, a.HeaviestScore);   // tech, the heaviest: 15 of 20
        Assert.Equal(Now.AddHours(2), a.SubmittedAt);
        Assert.Equal("좋음", a.Scores["biz"].Comment);
        Refused("Review.Error.AlreadySubmitted", () => a.Score(Stage, Scores(50, 20), submit: true, Now));
        Refused("Review.Error.AlreadySubmitted", () => a.Score(Stage, Scores(50, 20), submit: false, Now));
        Assert.Equal(67.5m, a.WeightedTotal);
        Assert.Equal(25, a.Scores["biz"].Score);
    }

    // ---- Agreement ---------------------------------------------------------------------------------------------

    private static readonly DateOnly Start = new(2026, 6, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    private static (Application Application, Agreement Agreement) Drafted()
    {
        var application = ApplicationStateTests.In(ApplicationStatus.Selected);
        return (application, Agreement.Draft(application, 30_000_000, Start, End, Now));
    }

    private static (Application Application, Agreement Agreement, Milestone First, Milestone Last) Signed()
    {
        var (application, agreement) = Drafted();
        var first = agreement.AddMilestone("중간 점검", "시제품", new DateOnly(2026, 8, 31));
        var last = agreement.AddMilestone("최종 결과", "결과보고서", End);
        agreement.Sign(application, Now);
        return (application, agreement, first, last);
    }

    [Fact]
    public void An_agreement_is_drafted_for_a_selected_application_with_sound_terms()
    {
        var (application, agreement) = Drafted();
        Assert.Equal(ApplicationStatus.Agreement, application.Status);
        Assert.Equal(application.Id, agreement.ApplicationId);
        Assert.Equal(30_000_000, agreement.AwardKrw);

        Refused("Agreement.Error.Terms", () => Agreement.Draft(ApplicationStateTests.In(ApplicationStatus.Selected), -1, Start, End, Now));
        Refused("Agreement.Error.Terms", () => Agreement.Draft(ApplicationStateTests.In(ApplicationStatus.Selected), 1, Start, Start, Now));
        Refused("Application.Error.WrongState", () => Agreement.Draft(ApplicationStateTests.In(ApplicationStatus.NotSelected), 1, Start, End, Now));
        Refused("Application.Error.WrongState", () => Agreement.Draft(ApplicationStateTests.In(ApplicationStatus.UnderReview), 1, Start, End, Now));
    }

    [Fact]
    public void Milestones_fall_within_the_agreement_and_signing_needs_one()
    {
        var (application, agreement) = Drafted();
        Refused("Agreement.Error.Milestone", () => agreement.AddMilestone("  ", "x", Start));
        Refused("Agreement.Error.Milestone", () => agreement.AddMilestone("너무 이름", "x", Start.AddDays(-1)));
        Refused("Agreement.Error.Milestone", () => agreement.AddMilestone("너무 늦음", "x", End.AddDays(1)));
        Refused("Agreement.Error.CannotSign", () => agreement.Sign(application, Now));
        Assert.Equal(ApplicationStatus.Agreement, application.Status);

        var m = agreement.AddMilestone("  첫 날  ", " 착수보고 ", Start);
        Assert.Equal(("첫 날", "착수보고", agreement.Id), (m.Title, m.Deliverable, m.AgreementId));
        agreement.AddMilestone("마지막 날", "결과", End);
        agreement.Sign(application, Now);
        Assert.Equal(ApplicationStatus.InProgress, application.Status);
        Assert.Equal(Now, agreement.SignedAt);
        Refused("Agreement.Error.CannotSign", () => agreement.Sign(application, Now));
    }

    [Fact]
    public void Reports_need_a_signed_agreement_a_text_and_one_of_its_own_milestones()
    {
        var (application, agreement) = Drafted();
        var m = agreement.AddMilestone("중간", "시제품", new DateOnly(2026, 8, 31));
        Refused("Agreement.Error.Report", () => agreement.SubmitReport(m, ReportKind.Interim, "보고", null, Guid.NewGuid(), Now));
        agreement.Sign(application, Now);
        Refused("Agreement.Error.Report", () => agreement.SubmitReport(m, ReportKind.Interim, "   ", null, Guid.NewGuid(), Now));
        var (_, other, foreign, _) = Signed();
        Refused("Agreement.Error.Report", () => agreement.SubmitReport(foreign, ReportKind.Interim, "보고", null, Guid.NewGuid(), Now));
        Assert.Empty(agreement.Reports);
        Assert.Empty(other.Reports);
    }

    [Fact]
    public void A_returned_report_may_be_submitted_again_and_one_pending_blocks_another()
    {
        var (application, agreement, first, _) = Signed();
        var report = agreement.SubmitReport(first, ReportKind.Interim, "  중간보고  ", null, Guid.NewGuid(), Now);
        Assert.Equal(("중간보고", ReportStatus.Submitted), (report.Text, report.Status));
        Refused("Agreement.Error.ReportPending", () => agreement.SubmitReport(first, ReportKind.Interim, "또", null, Guid.NewGuid(), Now));

        Refused("Application.Error.ReasonRequired", () => agreement.Review(report, accept: false, " ", application, Now));
        agreement.Review(report, accept: false, "  증빙 보완  ", application, Now);
        Assert.Equal((ReportStatus.Returned, "증빙 보완"), (report.Status, report.OperatorComment));
        Refused("Agreement.Error.NotPending", () => agreement.Review(report, accept: true, null, application, Now));

        var again = agreement.SubmitReport(first, ReportKind.Interim, "보완한 보고", null, Guid.NewGuid(), Now);
        agreement.Review(again, accept: true, null, application, Now);
        Assert.Equal(ReportStatus.Accepted, again.Status);
        Assert.Equal(ApplicationStatus.InProgress, application.Status);   // an interim report does not complete
        Refused("Agreement.Error.ReportPending", () => agreement.SubmitReport(first, ReportKind.Interim, "또", null, Guid.NewGuid(), Now));
    }

    [Fact]
    public void Accepting_the_final_report_completes_only_when_every_milestone_is_accepted()
    {
        var (application, agreement, first, last) = Signed();
        var final = agreement.SubmitReport(last, ReportKind.Final, "최종보고", null, Guid.NewGuid(), Now);
        agreement.Review(final, accept: true, null, application, Now);
        Assert.Equal(ApplicationStatus.InProgress, application.Status);   // the first milestone has no accepted report

        var (application2, agreement2, first2, last2) = Signed();
        agreement2.Review(agreement2.SubmitReport(first2, ReportKind.Interim, "중간", null, Guid.NewGuid(), Now), true, null, application2, Now);
        var final2 = agreement2.SubmitReport(last2, ReportKind.Final, "최종", null, Guid.NewGuid(), Now);
        agreement2.Review(final2, accept: false, "보완", application2, Now);
        Assert.Equal(ApplicationStatus.InProgress, application2.Status);  // a returned final report completes nothing
        agreement2.Review(agreement2.SubmitReport(last2, ReportKind.Final, "최종 보완", null, Guid.NewGuid(), Now), true, null, application2, Now);
        Assert.Equal(ApplicationStatus.Completed, application2.Status);
        _ = first;
    }

    // ---- Appeal ------------------------------------------------------------------------------------------------

    private static Call CallWithResults(DateTimeOffset? publishedAt, int appealDays = 7)
    {
        var call = Call.Create(Guid.NewGuid(), new CallText("공고", "Call", "본문", null),
            new CallTerms(Now.AddDays(-30), Now.AddDays(-10), 100_000_000, 3, appealDays), CallDesign.Empty, Now.AddDays(-40));
        if (publishedAt is { } at)
        {
            call.PublishResults(at);
        }

        return call;
    }

    [Fact]
    public void An_appeal_is_filed_within_the_window_after_the_results()
    {
        var call = CallWithResults(Now);
        Assert.Equal(Now.AddDays(7), call.AppealsCloseAt);
        var application = ApplicationStateTests.In(ApplicationStatus.NotSelected);
        var appeal = Appeal.File(application, call, "  점수 산정 오류  ", Guid.NewGuid(), Now.AddDays(3));
        Assert.Equal(("점수 산정 오류", application.Id), (appeal.Text, appeal.ApplicationId));
        Appeal.File(application, call, "마지막 순간", Guid.NewGuid(), Now.AddDays(7));   // the closing instant itself is inside
        Appeal.File(ApplicationStateTests.In(ApplicationStatus.Selected), call, "선정 금액", Guid.NewGuid(), Now);
        Refused("Application.Error.ReasonRequired", () => Appeal.File(application, call, "  ", Guid.NewGuid(), Now));
    }

    [Fact]
    public void An_appeal_after_the_window_or_before_any_result_is_refused()
    {
        var call = CallWithResults(Now);
        var application = ApplicationStateTests.In(ApplicationStatus.NotSelected);
        Refused("Appeal.Error.Closed", () => Appeal.File(application, call, "늦음", Guid.NewGuid(), Now.AddDays(7).AddTicks(1)));
        Refused("Appeal.Error.Closed", () => Appeal.File(application, CallWithResults(null), "결과 전", Guid.NewGuid(), Now));
        Refused("Appeal.Error.Closed", () => Appeal.File(ApplicationStateTests.In(ApplicationStatus.UnderReview), call, "심사 중", Guid.NewGuid(), Now));
        Refused("Appeal.Error.Closed", () => Appeal.File(application, CallWithResults(Now, appealDays: 0), "기간 없음", Guid.NewGuid(), Now.AddSeconds(1)));
    }

    [Fact]
    public void An_appeal_is_answered_once_with_a_text()
    {
        var appeal = Appeal.File(ApplicationStateTests.In(ApplicationStatus.NotSelected), CallWithResults(Now), "이의", Guid.NewGuid(), Now);
        Assert.Equal("Application.Error.ReasonRequired", Assert.Throws<RuleException>(() => appeal.Respond(true, " ", Now)).Key);
        appeal.Respond(false, "  재검토 결과 유지  ", Now.AddDays(1));
        Assert.Equal((false, "재검토 결과 유지", Now.AddDays(1)), (appeal.Upheld!.Value, appeal.Answer!, appeal.AnsweredAt!.Value));
        Assert.Throws<RuleException>(() => appeal.Respond(true, "번복", Now));
        Assert.False(appeal.Upheld);
    }

    [Fact]
    public void Results_are_published_once()
    {
        var call = CallWithResults(Now);
        Assert.Equal("Call.Error.ResultsPublished", Assert.Throws<RuleException>(() => call.PublishResults(Now)).Key);
    }
}
