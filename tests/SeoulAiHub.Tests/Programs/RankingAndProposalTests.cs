using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

/// <summary>The ranking of a stage with its tie-breaks, and the selection it proposes within budget and award cap.</summary>
public sealed class RankingAndProposalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static Candidate Make(string name, decimal[] totals, decimal heaviest = 50, long requested = 10_000_000,
        DateTimeOffset? submitted = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), name, requested, submitted ?? T0, totals, heaviest);

    [Fact]
    public void Applications_are_ranked_by_aggregated_score_highest_first()
    {
        var ranked = Ranking.Rank([Make("B", [70m, 72m]), Make("A", [90m]), Make("C", [10m, 20m, 30m, 40m, 100m])]);
        Assert.Equal(["A", "B", "C"], ranked.Select(r => r.Candidate.Name));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal([90m, 71m, 30m], ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.Null(r.TieBrokenBy));
    }

    [Fact]
    public void A_tie_is_broken_first_by_the_heaviest_criterion()
    {
        var ranked = Ranking.Rank([Make("low", [80m], heaviest: 60, requested: 1),
            Make("high", [80m], heaviest: 70, requested: 999_999_999)]);
        Assert.Equal(["high", "low"], ranked.Select(r => r.Candidate.Name));
        Assert.Null(ranked[0].TieBrokenBy);
        Assert.Equal("Programs.Ranking.Tie.Heaviest", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Then_by_the_smaller_requested_amount()
    {
        var ranked = Ranking.Rank([
            Make("big", [80m], requested: 50_000_000, submitted: T0),
            Make("small", [80m], requested: 30_000_000, submitted: T0.AddDays(5)),
        ]);
        Assert.Equal(["small", "big"], ranked.Select(r => r.Candidate.Name));
        Assert.Equal("Programs.Ranking.Tie.Amount", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Then_by_the_earlier_submission()
    {
        var ranked = Ranking.Rank([
            Make("late", [80m], submitted: T0.AddMinutes(1), id: Guid.Parse("00000000-0000-0000-0000-000000000001")),
            Make("early", [80m], submitted: T0, id: Guid.Parse("ffffffff-0000-0000-0000-000000000000")),
        ]);
        Assert.Equal(["early", "late"], ranked.Select(r => r.Candidate.Name));
        Assert.Equal("Programs.Ranking.Tie.Submitted", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Finally_by_application_id_so_the_order_is_total()
    {
        var first = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var second = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var ranked = Ranking.Rank([Make("second", [80m], id: second), Make("first", [80m], id: first)]);
        Assert.Equal(["first", "second"], ranked.Select(r => r.Candidate.Name));
        Assert.Equal("Programs.Ranking.Tie.Id", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Scores_equal_only_after_trimming_are_ties_and_unequal_scores_are_not()
    {
        // 5 reviewers: (70+80+90)/3 = 80; 2 reviewers: mean 80.
        var ranked = Ranking.Rank([Make("five", [0m, 70m, 80m, 90m, 100m], heaviest: 10), Make("two", [75m, 85m], heaviest: 20)]);
        Assert.Equal(["two", "five"], ranked.Select(r => r.Candidate.Name));
        Assert.Equal("Programs.Ranking.Tie.Heaviest", ranked[1].TieBrokenBy);

        var apart = Ranking.Rank([Make("a", [80.0001m], heaviest: 0), Make("b", [80m], heaviest: 100)]);
        Assert.Equal(["a", "b"], apart.Select(r => r.Candidate.Name));
        Assert.Null(apart[1].TieBrokenBy);
    }

    [Fact]
    public void The_ranking_is_the_same_whatever_the_input_order()
    {
        var candidates = Enumerable.Range(0, 40).Select(i => Make($"c{i}", [i % 4 * 10m], heaviest: i % 3, requested: i % 2 * 1000,
            submitted: T0.AddMinutes(i % 5), id: Guid.Parse($"00000000-0000-0000-0000-{i:D12}"))).ToList();
        var expected = Ranking.Rank(candidates).Select(r => r.Candidate.Name).ToList();
        var random = new Random(7);
        for (var round = 0; round < 10; round++)
        {
            var shuffled = candidates.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Ranking.Rank(shuffled).Select(r => r.Candidate.Name));
        }

        Assert.Equal(Enumerable.Range(1, 40), Ranking.Rank(candidates).Select(r => r.Rank));
        Assert.Empty(Ranking.Rank([]));
    }

    private static IReadOnlyList<RankedCandidate> Ranked(params long[] requests) =>
        Ranking.Rank(requests.Select((r, i) => Make($"r{i + 1}", [100m - i], requested: r)));

    [Fact]
    public void Selection_stops_at_the_award_cap()
    {
        var proposal = Selection.Propose(Ranked(10, 10, 10, 10), budgetKrw: 1_000, maxAwards: 2);
        Assert.Equal([ProposalOutcome.Selected, ProposalOutcome.Selected, ProposalOutcome.OverCap, ProposalOutcome.OverCap],
            proposal.Select(p => p.Outcome));
        Assert.Equal([10L, 10, 0, 0], proposal.Select(p => p.AwardKrw));
    }

    [Fact]
    public void A_request_larger_than_what_is_left_is_passed_over_and_a_smaller_one_below_still_selected()
    {
        var proposal = Selection.Propose(Ranked(60, 50, 30, 20), budgetKrw: 100, maxAwards: 10);
        Assert.Equal([ProposalOutcome.Selected, ProposalOutcome.OverBudget, ProposalOutcome.Selected, ProposalOutcome.OverBudget],
            proposal.Select(p => p.Outcome));
        Assert.Equal([60L, 0, 30, 0], proposal.Select(p => p.AwardKrw));
        Assert.Equal(["r1", "r2", "r3", "r4"], proposal.Select(p => p.Ranked.Candidate.Name));
    }

    [Fact]
    public void The_budget_can_be_used_exactly()
    {
        var proposal = Selection.Propose(Ranked(40, 60, 1), budgetKrw: 100, maxAwards: 5);
        Assert.Equal([ProposalOutcome.Selected, ProposalOutcome.Selected, ProposalOutcome.OverBudget], proposal.Select(p => p.Outcome));
        Assert.Equal(100, proposal.Sum(p => p.AwardKrw));
    }

    [Fact]
    public void With_a_zero_budget_only_zero_requests_are_selected()
    {
        var proposal = Selection.Propose(Ranked(10, 0, 5), budgetKrw: 0, maxAwards: 5);
        Assert.Equal([ProposalOutcome.OverBudget, ProposalOutcome.Selected, ProposalOutcome.OverBudget], proposal.Select(p => p.Outcome));
        Assert.Empty(Selection.Propose([], 100, 1));
    }

    [Fact]
    public void The_cap_counts_selections_not_ranks()
    {
        // r1 does not fit, so the cap of one is still open for r2.
        var proposal = Selection.Propose(Ranked(200, 50, 10), budgetKrw: 100, maxAwards: 1);
        Assert.Equal([ProposalOutcome.OverBudget, ProposalOutcome.Selected, ProposalOutcome.OverCap], proposal.Select(p => p.Outcome));
    }
}
