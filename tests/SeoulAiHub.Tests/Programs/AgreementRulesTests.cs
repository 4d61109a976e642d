using SeoulAiHub.Features.Programs;
using static SeoulAiHub.Tests.Programs.ApplicationExamples;

namespace SeoulAiHub.Tests.Programs;

/// <summary>An agreement: drafted for a selected application, milestones within its term, reports, completion.</summary>
public sealed class AgreementRulesTests
{
    private static readonly DateOnly Start = new(2026, 6, 1);

    private static readonly DateOnly End = new(2026, 12, 31);

    private static (Application Application, Agreement Agreement) Drafted()
    {
        var application = In(ApplicationStatus.Selected);
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

        Refused("Programs.Agreement.Error.Terms", () => Agreement.Draft(In(ApplicationStatus.Selected), -1, Start, End, Now));
        Refused("Programs.Agreement.Error.Terms", () => Agreement.Draft(In(ApplicationStatus.Selected), 1, Start, Start, Now));
        Refused("Programs.Application.Error.WrongState", () => Agreement.Draft(In(ApplicationStatus.NotSelected), 1, Start, End, Now));
        Refused("Programs.Application.Error.WrongState", () => Agreement.Draft(In(ApplicationStatus.UnderReview), 1, Start, End, Now));
    }

    [Fact]
    public void Milestones_fall_within_the_agreement_and_signing_needs_one()
    {
        var (application, agreement) = Drafted();
        Refused("Programs.Agreement.Error.Milestone", () => agreement.AddMilestone("  ", "x", Start));
        Refused("Programs.Agreement.Error.Milestone", () => agreement.AddMilestone("너무 이름", "x", Start.AddDays(-1)));
        Refused("Programs.Agreement.Error.Milestone", () => agreement.AddMilestone("너무 늦음", "x", End.AddDays(1)));
        Refused("Programs.Agreement.Error.CannotSign", () => agreement.Sign(application, Now));
        Assert.Equal(ApplicationStatus.Agreement, application.Status);

        var m = agreement.AddMilestone("  첫 날  ", " 착수보고 ", Start);
        Assert.Equal(("첫 날", "착수보고", agreement.Id), (m.Title, m.Deliverable, m.AgreementId));
        agreement.AddMilestone("마지막 날", "결과", End);
        agreement.Sign(application, Now);
        Assert.Equal(ApplicationStatus.InProgress, application.Status);
        Assert.Equal(Now, agreement.SignedAt);
        Refused("Programs.Agreement.Error.CannotSign", () => agreement.Sign(application, Now));
    }

    [Fact]
    public void Reports_need_a_signed_agreement_a_text_and_one_of_its_own_milestones()
    {
        var (application, agreement) = Drafted();
        var m = agreement.AddMilestone("중간", "시제품", new DateOnly(2026, 8, 31));
        Refused("Programs.Agreement.Error.Report", () => agreement.SubmitReport(m, ReportKind.Interim, "보고", null, Guid.NewGuid(), Now));
        agreement.Sign(application, Now);
        Refused("Programs.Agreement.Error.Report", () => agreement.SubmitReport(m, ReportKind.Interim, "   ", null, Guid.NewGuid(), Now));
        var (_, other, foreign, _) = Signed();
        Refused("Programs.Agreement.Error.Report", () => agreement.SubmitReport(foreign, ReportKind.Interim, "보고", null,
            Guid.NewGuid(), Now));
        Assert.Empty(agreement.Reports);
        Assert.Empty(other.Reports);
    }

    [Fact]
    public void A_returned_report_may_be_submitted_again_and_one_pending_blocks_another()
    {
        var (application, agreement, first, _) = Signed();
        var report = agreement.SubmitReport(first, ReportKind.Interim, "  중간보고  ", null, Guid.NewGuid(), Now);
        Assert.Equal(("중간보고", ReportStatus.Submitted), (report.Text, report.Status));
        Refused("Programs.Agreement.Error.ReportPending", () => agreement.SubmitReport(first, ReportKind.Interim, "또", null,
            Guid.NewGuid(), Now));

        Refused("Programs.Application.Error.ReasonRequired", () => agreement.Review(report, accept: false, " ", application, Now));
        agreement.Review(report, accept: false, "  증빙 보완  ", application, Now);
        Assert.Equal((ReportStatus.Returned, "증빙 보완"), (report.Status, report.OperatorComment));
        Refused("Programs.Agreement.Error.NotPending", () => agreement.Review(report, accept: true, null, application, Now));

        var again = agreement.SubmitReport(first, ReportKind.Interim, "보완한 보고", null, Guid.NewGuid(), Now);
        agreement.Review(again, accept: true, null, application, Now);
        Assert.Equal(ReportStatus.Accepted, again.Status);
        Assert.Equal(ApplicationStatus.InProgress, application.Status);   // an interim report does not complete
        Refused("Programs.Agreement.Error.ReportPending", () => agreement.SubmitReport(first, ReportKind.Interim, "또", null,
            Guid.NewGuid(), Now));
    }

    [Fact]
    public void Accepting_the_final_report_completes_only_when_every_milestone_is_accepted()
    {
        var (application, agreement, first, last) = Signed();
        var final = agreement.SubmitReport(last, ReportKind.Final, "최종보고", null, Guid.NewGuid(), Now);
        agreement.Review(final, accept: true, null, application, Now);
        Assert.Equal(ApplicationStatus.InProgress, application.Status);   // the first milestone has no accepted report

        var (application2, agreement2, first2, last2) = Signed();
        agreement2.Review(agreement2.SubmitReport(first2, ReportKind.Interim, "중간", null, Guid.NewGuid(), Now), true,
            null, application2, Now);
        var final2 = agreement2.SubmitReport(last2, ReportKind.Final, "최종", null, Guid.NewGuid(), Now);
        agreement2.Review(final2, accept: false, "보완", application2, Now);
        Assert.Equal(ApplicationStatus.InProgress, application2.Status);  // a returned final report completes nothing
        agreement2.Review(agreement2.SubmitReport(last2, ReportKind.Final, "최종 보완", null, Guid.NewGuid(), Now), true,
            null, application2, Now);
        Assert.Equal(ApplicationStatus.Completed, application2.Status);
        _ = first;
    }
}
