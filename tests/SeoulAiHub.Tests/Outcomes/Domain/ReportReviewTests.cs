using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.CampaignExamples;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>An operator reviews a submitted report value by value: returns with a comment, resubmission, acceptance, evidence.</summary>
public sealed class ReportReviewTests
{
    [Fact]
    public void Only_a_submitted_report_can_be_reviewed()
    {
        var task = Campaign().Tasks[0];
        Assert.Equal("Outcomes.Campaign.Error.NotSubmitted", Error(() => task.Review([], Operator, Now)));
        Fill(task);
        Assert.Equal("Outcomes.Campaign.Error.NotSubmitted", Error(() => task.Review([], Operator, Now)));
    }

    [Fact]
    public void A_return_needs_a_comment_and_a_refused_review_changes_nothing()
    {
        var (_, task) = Submitted();
        Assert.Equal("Outcomes.Campaign.Error.ReturnComment", Error(() => task.Review(
            [new LineDecision(Headcount.Id, true, null), new LineDecision(Revenue.Id, false, "  ")], Operator, Now)));
        Assert.Equal(KpiTaskStatus.Submitted, task.Status);
        Assert.All(task.Lines, l => Assert.Equal(LineReview.Pending, l.Review));
        Assert.Null(task.ReviewedAt);
    }

    [Fact]
    public void After_a_return_only_the_returned_value_can_change_and_resubmission_reopens_it()
    {
        var (_, task) = Submitted();
        var asked = All.Select(k => k.Id).ToList();
        task.Review([new LineDecision(Revenue.Id, false, " 세금계산서 합계와 다릅니다 "), new LineDecision(Papers.Id, true, "확인")], Operator, Now);
        Assert.Equal(KpiTaskStatus.Returned, task.Status);
        Assert.Equal(Operator, task.ReviewedBy);
        Assert.Equal(LineReview.Returned, task.Line(Revenue.Id)!.Review);
        Assert.Equal("세금계산서 합계와 다릅니다", task.Line(Revenue.Id)!.ReviewComment);
        Assert.Equal(LineReview.Accepted, task.Line(Papers.Id)!.Review);
        Assert.Equal("확인", task.Line(Papers.Id)!.ReviewComment);
        Assert.Equal(LineReview.Accepted, task.Line(Headcount.Id)!.Review);   // not mentioned: accepted
        Assert.True(task.IsEditable);
        Assert.True(task.CanEdit(Revenue.Id));
        Assert.False(task.CanEdit(Headcount.Id));

        task.Save([new KpiEntry(Revenue.Id, 900_000, "수정"), new KpiEntry(Headcount.Id, 99, null), new KpiEntry(Papers.Id, 50, null)], asked,
            Now);
        Assert.Equal(900_000, task.Line(Revenue.Id)!.Value);
        Assert.Equal(10, task.Line(Headcount.Id)!.Value);
        Assert.Equal(1, task.Line(Papers.Id)!.Value);
        Assert.Equal(KpiTaskStatus.Returned, task.Status);   // saving a fix is not resubmitting
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.AddEvidence(Headcount.Id,
            new("a.pdf", "x", "application/pdf", 1), Reporter, Now)));
        task.AddEvidence(Revenue.Id, new("계산서.pdf", "abc", "application/pdf", 10), Reporter, Now);

        task.Submit(Context(evidence: Revenue.Id), Reporter, Now.AddHours(1));
        Assert.Equal(KpiTaskStatus.Submitted, task.Status);
        Assert.Equal(LineReview.Pending, task.Line(Revenue.Id)!.Review);
        Assert.Equal("세금계산서 합계와 다릅니다", task.Line(Revenue.Id)!.ReviewComment);   // kept for the operator
        Assert.Equal(LineReview.Accepted, task.Line(Headcount.Id)!.Review);
        Assert.Equal(LineReview.Accepted, task.Line(Papers.Id)!.Review);

        // A second review only decides the reopened value; a return of an accepted one is ignored.
        task.Review([new LineDecision(Papers.Id, false, "다시")], Operator, Now.AddHours(2));
        Assert.Equal(KpiTaskStatus.Accepted, task.Status);
        Assert.All(task.Lines, l => Assert.Equal(LineReview.Accepted, l.Review));
        Assert.False(task.IsEditable);
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.Save([new KpiEntry(Revenue.Id, 1, null)], asked, Now)));
    }

    [Fact]
    public void A_value_decided_twice_in_one_review_takes_the_last_decision()
    {
        // Regression: a repeated form field used to throw an ArgumentException from ToDictionary.
        var (_, task) = Submitted();
        task.Review([new LineDecision(Revenue.Id, true, null), new LineDecision(Revenue.Id, false, "합계 확인 필요")], Operator, Now);
        Assert.Equal(KpiTaskStatus.Returned, task.Status);
        Assert.Equal(LineReview.Returned, task.Line(Revenue.Id)!.Review);

        var (_, other) = Submitted();
        other.Review([new LineDecision(Revenue.Id, false, "합계 확인 필요"), new LineDecision(Revenue.Id, true, null)], Operator, Now);
        Assert.Equal(KpiTaskStatus.Accepted, other.Status);
    }

    [Fact]
    public void A_review_without_returns_accepts_the_report()
    {
        var (_, task) = Submitted();
        task.Review([], Operator, Now);
        Assert.Equal(KpiTaskStatus.Accepted, task.Status);
        Assert.All(task.Lines, l => Assert.Equal(LineReview.Accepted, l.Review));
    }

    [Fact]
    public void Evidence_is_removed_only_while_its_value_can_change()
    {
        var campaign = Campaign();
        var task = campaign.Tasks[0];
        Fill(task);
        var evidence = task.AddEvidence(Revenue.Id, new("계산서.pdf", "stored1", "application/pdf", 10), Reporter, Now);
        Assert.Equal("계산서.pdf", evidence.FileName);
        Assert.Equal("Outcomes.Campaign.Error.NoEvidence", Error(() => task.RemoveEvidence(Guid.NewGuid(), Now)));
        task.Submit(Context(evidence: Revenue.Id), Reporter, Now);
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.RemoveEvidence(evidence.Id, Now)));
        task.Review([new LineDecision(Papers.Id, false, "근거 부족")], Operator, Now);
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.RemoveEvidence(evidence.Id, Now)));   // revenue was accepted
        Assert.Single(task.Evidence);
    }
}
