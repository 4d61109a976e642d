using SeoulAiHub.Features.Programs;
using static SeoulAiHub.Tests.Programs.ApplicationExamples;

namespace SeoulAiHub.Tests.Programs;

/// <summary>A reviewer's scores: within each criterion's range, a draft may be partial, a submission is complete and final.</summary>
public sealed class ReviewScoreRulesTests
{
    private static readonly EvaluationStage Stage = new("paper", "서류", "Paper",
    [
        new Criterion("biz", "사업성", "Business", 30, 50),
        new Criterion("tech", "기술성", "Technology", 70, 20),
    ]);

    private static ReviewerAssignment Assignment() => ReviewerAssignment.Create(Guid.NewGuid(), Guid.NewGuid(), "paper",
        Guid.NewGuid(), Now);

    private static Dictionary<string, CriterionScore> Scores(int biz, int tech) =>
        new() { ["biz"] = new(biz, "  좋음  "), ["tech"] = new(tech, null) };

    [Fact]
    public void Each_score_must_lie_between_zero_and_the_criterion_maximum()
    {
        var a = Assignment();
        Refused("Programs.Review.Error.OutOfRange", () => a.Score(Stage, Scores(51, 10), submit: false, Now));
        Refused("Programs.Review.Error.OutOfRange", () => a.Score(Stage, Scores(10, -1), submit: false, Now));
        Refused("Programs.Review.Error.OutOfRange", () => a.Score(Stage, Scores(10, 21), submit: true, Now));
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
        Refused("Programs.Review.Error.Incomplete", () => a.Score(Stage, new Dictionary<string, CriterionScore> { ["biz"] = new(40, null) },
            submit: true, Now));
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
        Refused("Programs.Review.Error.AlreadySubmitted", () => a.Score(Stage, Scores(50, 20), submit: true, Now));
        Refused("Programs.Review.Error.AlreadySubmitted", () => a.Score(Stage, Scores(50, 20), submit: false, Now));
        Assert.Equal(67.5m, a.WeightedTotal);
        Assert.Equal(25, a.Scores["biz"].Score);
    }
}
