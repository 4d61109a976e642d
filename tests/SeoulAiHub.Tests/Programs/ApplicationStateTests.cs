using SeoulAiHub.Features.Programs;
using static SeoulAiHub.Tests.Programs.ApplicationExamples;

namespace SeoulAiHub.Tests.Programs;

public sealed class ApplicationStateTests
{
    [Fact]
    public void A_draft_is_saved_trimmed_without_blank_answers_and_can_be_saved_again()
    {
        var a = Draft();
        a.SaveDraft("  AI 비전 검사  ", 50_000_000, new Dictionary<string, string> { ["summary"] = "  요약 ", ["empty"] = "  " },
            Now.AddMinutes(1));
        Assert.Equal("AI 비전 검사", a.Title);
        Assert.Equal(50_000_000, a.RequestedKrw);
        Assert.Equal(new Dictionary<string, string> { ["summary"] = "요약" }, a.Answers);
        Assert.Equal(Now.AddMinutes(1), a.UpdatedAt);
        a.SaveDraft("다른 제목", 0, new Dictionary<string, string>(), Now);
        Assert.Empty(a.Answers);
        Refused("Programs.Application.Error.Amount", () => a.SaveDraft("제목", -1, new Dictionary<string, string>(), Now));
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, true)]
    [InlineData(ApplicationStatus.RevisionsRequested, true)]
    [InlineData(ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.UnderReview, false)]
    [InlineData(ApplicationStatus.Selected, false)]
    [InlineData(ApplicationStatus.NotSelected, false)]
    [InlineData(ApplicationStatus.Agreement, false)]
    [InlineData(ApplicationStatus.InProgress, false)]
    [InlineData(ApplicationStatus.Completed, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    public void Only_drafts_and_applications_sent_back_for_revision_can_be_edited(ApplicationStatus status, bool editable)
    {
        var a = In(status);
        Assert.Equal(editable, a.IsEditable);
        if (editable)
        {
            a.SaveDraft("제목", 1, new Dictionary<string, string>(), Now);
            Assert.Equal(status, a.Status);
        }
        else
        {
            Refused("Programs.Application.Error.NotEditable", () => a.SaveDraft("제목", 1, new Dictionary<string, string>(), Now));
        }
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, true)]
    [InlineData(ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.UnderReview, true)]
    [InlineData(ApplicationStatus.RevisionsRequested, true)]
    [InlineData(ApplicationStatus.Selected, false)]
    [InlineData(ApplicationStatus.NotSelected, false)]
    [InlineData(ApplicationStatus.Agreement, false)]
    [InlineData(ApplicationStatus.InProgress, false)]
    [InlineData(ApplicationStatus.Completed, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    public void Withdrawal_is_possible_only_before_a_result(ApplicationStatus status, bool allowed)
    {
        var a = In(status);
        if (allowed)
        {
            a.Withdraw(Now);
            Assert.Equal(ApplicationStatus.Withdrawn, a.Status);
        }
        else
        {
            Refused("Programs.Application.Error.CannotWithdraw", () => a.Withdraw(Now));
            Assert.Equal(status, a.Status);
        }
    }

    [Theory]
    [InlineData(ApplicationStatus.Selected, true)]
    [InlineData(ApplicationStatus.NotSelected, true)]
    [InlineData(ApplicationStatus.Agreement, true)]
    [InlineData(ApplicationStatus.InProgress, true)]
    [InlineData(ApplicationStatus.Completed, true)]
    [InlineData(ApplicationStatus.Draft, false)]
    [InlineData(ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.UnderReview, false)]
    [InlineData(ApplicationStatus.RevisionsRequested, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    public void A_result_exists_from_the_decision_on(ApplicationStatus status, bool hasResult) =>
        Assert.Equal(hasResult, In(status).HasResult);

    [Fact]
    public void Review_starts_only_from_submitted()
    {
        foreach (var status in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Submitted))
        {
            var a = In(status);
            Refused("Programs.Application.Error.NotSubmitted", () => a.StartReview(Now));
            Assert.Equal(status, a.Status);
        }
    }

    [Fact]
    public void Revisions_are_requested_of_a_submitted_or_reviewed_application_with_a_reason_and_it_is_editable_again()
    {
        var a = In(ApplicationStatus.UnderReview);
        Refused("Programs.Application.Error.ReasonRequired", () => a.RequestRevisions("  ", Now));
        Assert.Equal(ApplicationStatus.UnderReview, a.Status);
        a.RequestRevisions("  예산 근거 보완  ", Now);
        Assert.Equal(ApplicationStatus.RevisionsRequested, a.Status);
        Assert.Equal("예산 근거 보완", a.DecisionNote);
        Assert.True(a.IsEditable);
        foreach (var status in new[] { ApplicationStatus.Draft, ApplicationStatus.Selected, ApplicationStatus.Withdrawn,
            ApplicationStatus.RevisionsRequested })
        {
            Refused("Programs.Application.Error.NotSubmitted", () => In(status).RequestRevisions("이유", Now));
        }
    }

    [Fact]
    public void An_application_advances_through_the_stages_while_under_review_and_not_past_the_last()
    {
        var a = In(ApplicationStatus.UnderReview);
        a.AdvanceStage(3, Now);
        a.AdvanceStage(3, Now);
        Assert.Equal(2, a.StageIndex);
        Refused("Programs.Application.Error.NoNextStage", () => a.AdvanceStage(3, Now));
        Assert.Equal(2, a.StageIndex);
        Refused("Programs.Application.Error.NoNextStage", () => In(ApplicationStatus.Submitted).AdvanceStage(3, Now));
        Refused("Programs.Application.Error.NoNextStage", () => In(ApplicationStatus.UnderReview).AdvanceStage(1, Now));
    }

    [Fact]
    public void A_decision_records_the_award_only_when_selected()
    {
        var selected = In(ApplicationStatus.UnderReview);
        selected.Decide(true, 30_000_000, "  예산 조정  ", Now.AddHours(1));
        Assert.Equal(ApplicationStatus.Selected, selected.Status);
        Assert.Equal(30_000_000, selected.AwardKrw);
        Assert.Equal("예산 조정", selected.DecisionNote);
        Assert.Equal(Now.AddHours(1), selected.DecidedAt);

        var not = In(ApplicationStatus.Submitted);
        not.Decide(false, 30_000_000, " ", Now);
        Assert.Equal(ApplicationStatus.NotSelected, not.Status);
        Assert.Null(not.AwardKrw);
        Assert.Null(not.DecisionNote);

        foreach (var status in new[] { ApplicationStatus.Draft, ApplicationStatus.RevisionsRequested, ApplicationStatus.Selected,
                     ApplicationStatus.NotSelected, ApplicationStatus.Completed, ApplicationStatus.Withdrawn })
        {
            Refused("Programs.Application.Error.NotUnderReview", () => In(status).Decide(true, 1, null, Now));
        }
    }

    [Fact]
    public void Agreement_work_and_completion_follow_one_another_and_nothing_else()
    {
        var a = In(ApplicationStatus.Selected);
        Refused("Programs.Application.Error.WrongState", () => a.StartWork(Now));
        Refused("Programs.Application.Error.WrongState", () => a.Complete(Now));
        a.EnterAgreement(Now);
        Assert.Equal(ApplicationStatus.Agreement, a.Status);
        Refused("Programs.Application.Error.WrongState", () => a.EnterAgreement(Now));
        Refused("Programs.Application.Error.WrongState", () => a.Complete(Now));
        a.StartWork(Now);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
        a.Complete(Now);
        Assert.Equal(ApplicationStatus.Completed, a.Status);
        Refused("Programs.Application.Error.WrongState", () => In(ApplicationStatus.NotSelected).EnterAgreement(Now));
        Refused("Programs.Application.Error.WrongState", () => In(ApplicationStatus.UnderReview).EnterAgreement(Now));
    }

    [Fact]
    public void Copying_an_earlier_application_fills_an_editable_draft_only()
    {
        var earlier = Draft();
        earlier.SaveDraft("지난 과제", 7, new Dictionary<string, string> { ["summary"] = "예전 요약" }, Now);
        var a = Draft();
        a.CopyFrom(earlier, Now);
        Assert.Equal(("지난 과제", 7L), (a.Title, a.RequestedKrw));
        Assert.Equal("예전 요약", a.Answers["summary"]);
        Refused("Programs.Application.Error.NotEditable", () => In(ApplicationStatus.Submitted).CopyFrom(earlier, Now));
    }
}
