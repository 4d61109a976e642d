using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

/// <summary>A stage's score: the reviewers' trimmed mean, and each reviewer's weighted total.</summary>
public sealed class ScoringTests
{
    [Fact]
    public void Below_five_reviewers_the_plain_mean_is_used()
    {
        Assert.Equal(0m, Aggregation.TrimmedMean([]));
        Assert.Equal(73.5m, Aggregation.TrimmedMean([73.5m]));
        Assert.Equal(70m, Aggregation.TrimmedMean([100m, 40m, 60m, 80m]));   // nothing dropped
        Assert.Equal(33.3333m, Aggregation.TrimmedMean([0m, 0m, 100m]));     // rounded to four decimals
    }

    [Fact]
    public void From_five_reviewers_one_highest_and_one_lowest_are_dropped()
    {
        Assert.Equal(60m, Aggregation.TrimmedMean([100m, 50m, 60m, 70m, 0m]));
        Assert.Equal(55m, Aggregation.TrimmedMean([10m, 20m, 30m, 40m, 50m, 60m, 70m, 80m, 90m, 100m]));
    }

    [Fact]
    public void When_several_share_the_highest_only_one_of_them_is_dropped()
    {
        // 90, 90, 90, 60, 30: drop one 90 and the 30 -> (90 + 90 + 60) / 3.
        Assert.Equal(80m, Aggregation.TrimmedMean([90m, 90m, 90m, 60m, 30m]));
        // Ten reviewers, the highest given three times and the lowest twice.
        Assert.Equal(57.5m, Aggregation.TrimmedMean([95m, 95m, 95m, 70m, 60m, 50m, 40m, 30m, 20m, 20m]));
        Assert.Equal(50m, Aggregation.TrimmedMean([50m, 50m, 50m, 50m, 50m]));
    }

    private static readonly EvaluationStage Paper = new("paper", "서류", "Paper",
    [
        new Criterion("tech", "기술성", "Technology", 60, 100),
        new Criterion("biz", "사업성", "Business", 40, 50),
    ]);

    [Fact]
    public void Scores_count_as_shares_of_their_maximum_weighted()
    {
        Assert.Equal(100m, Paper.WeightedTotal(new Dictionary<string, int> { ["tech"] = 100, ["biz"] = 50 }));
        Assert.Equal(0m, Paper.WeightedTotal(new Dictionary<string, int> { ["tech"] = 0, ["biz"] = 0 }));
        // 0.6 * 80/100 + 0.4 * 25/50 = 0.48 + 0.2
        Assert.Equal(68m, Paper.WeightedTotal(new Dictionary<string, int> { ["tech"] = 80, ["biz"] = 25 }));
        // A missing score counts as zero.
        Assert.Equal(60m, Paper.WeightedTotal(new Dictionary<string, int> { ["tech"] = 100 }));
    }

    [Fact]
    public void Weights_are_relative_and_need_not_add_to_100()
    {
        var small = new EvaluationStage("s", "s", "s", [new("a", "a", "a", 3, 10), new("b", "b", "b", 2, 10)]);
        var large = new EvaluationStage("s", "s", "s", [new("a", "a", "a", 300, 10), new("b", "b", "b", 200, 10)]);
        var scores = new Dictionary<string, int> { ["a"] = 7, ["b"] = 4 };
        Assert.Equal(58m, small.WeightedTotal(scores));
        Assert.Equal(small.WeightedTotal(scores), large.WeightedTotal(scores));
        Assert.Equal(5m, small.TotalWeight);
    }

    [Fact]
    public void The_total_is_rounded_to_four_decimals_and_a_stage_without_weight_totals_zero()
    {
        var thirds = new EvaluationStage("s", "s", "s", [new("a", "a", "a", 1, 3)]);
        Assert.Equal(33.3333m, thirds.WeightedTotal(new Dictionary<string, int> { ["a"] = 1 }));
        Assert.Equal(66.6667m, thirds.WeightedTotal(new Dictionary<string, int> { ["a"] = 2 }));
        Assert.Equal(0m, new EvaluationStage("e", "e", "e", []).WeightedTotal(new Dictionary<string, int>()));
    }

    [Fact]
    public void The_heaviest_criterion_is_the_first_of_the_largest_weight()
    {
        Assert.Equal("tech", Paper.Heaviest!.Key);
        var tied = new EvaluationStage("s", "s", "s", [new("x", "x", "x", 1, 10), new("y", "y", "y", 5, 10), new("z", "z", "z", 5, 10)]);
        Assert.Equal("y", tied.Heaviest!.Key);
        Assert.Null(new EvaluationStage("e", "e", "e", []).Heaviest);
    }
}
