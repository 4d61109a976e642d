namespace SeoulAiHub.Features.Programs;

/// <summary>One application as the ranking sees it: every reviewer's weighted total for the stage, and tie-break facts.</summary>
public sealed record Candidate(
    Guid ApplicationId,
    string Name,
    long RequestedKrw,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<decimal> Totals,
    decimal HeaviestCriterionMean);

public sealed record RankedCandidate(int Rank, Candidate Candidate, decimal Score, string? TieBrokenBy);

/// <summary>
/// 평가점수 집계 — the way Korean public evaluations aggregate: with five or more reviewers the highest and the lowest
/// total are dropped (one each) and the rest averaged; with fewer, the plain mean.
/// </summary>
public static class Aggregation
{
    public const int TrimFrom = 5;

    public static decimal TrimmedMean(IReadOnlyList<decimal> totals)
    {
        if (totals.Count == 0)
        {
            return 0;
        }

        if (totals.Count < TrimFrom)
        {
            return Math.Round(totals.Average(), 4);
        }

        return Math.Round((totals.Sum() - totals.Max() - totals.Min()) / (totals.Count - 2), 4);
    }
}

/// <summary>
/// 순위 — by aggregated score, highest first. Ties (equal to four decimals) are broken, in this order, by:
/// 1. the higher mean score on the stage's heaviest criterion (the one the call valued most);
/// 2. the smaller requested amount (more applicants funded from the same budget);
/// 3. the earlier submission (first come);
/// and finally by application id so the order is total and stable. The rule that decided is reported.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedCandidate> Rank(IEnumerable<Candidate> candidates)
    {
        var scored = candidates.Select(c => (Candidate: c, Score: Aggregation.TrimmedMean(c.Totals))).ToList();
        scored.Sort((a, b) => Compare(a.Candidate, a.Score, b.Candidate, b.Score));

        var ranked = new List<RankedCandidate>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (candidate, score) = scored[i];
            string? tieBrokenBy = null;
            if (i > 0 && scored[i - 1].Score == score)
            {
                tieBrokenBy = DecidingRule(scored[i - 1].Candidate, candidate);
            }

            ranked.Add(new RankedCandidate(i + 1, candidate, score, tieBrokenBy));
        }

        return ranked;
    }

    private static int Compare(Candidate a, decimal aScore, Candidate b, decimal bScore)
    {
        var byScore = bScore.CompareTo(aScore);
        if (byScore != 0)
        {
            return byScore;
        }

        var byHeaviest = b.HeaviestCriterionMean.CompareTo(a.HeaviestCriterionMean);
        if (byHeaviest != 0)
        {
            return byHeaviest;
        }

        var byAmount = a.RequestedKrw.CompareTo(b.RequestedKrw);
        if (byAmount != 0)
        {
            return byAmount;
        }

        var byTime = a.SubmittedAt.CompareTo(b.SubmittedAt);
        return byTime != 0 ? byTime : a.ApplicationId.CompareTo(b.ApplicationId);
    }

    /// <summary>Message key of the tie-break that put <paramref name="ahead"/> before <paramref name="behind"/>.</summary>
    private static string DecidingRule(Candidate ahead, Candidate behind) =>
        ahead.HeaviestCriterionMean != behind.HeaviestCriterionMean ? "Programs.Ranking.Tie.Heaviest"
        : ahead.RequestedKrw != behind.RequestedKrw ? "Programs.Ranking.Tie.Amount"
        : ahead.SubmittedAt != behind.SubmittedAt ? "Programs.Ranking.Tie.Submitted"
        : "Programs.Ranking.Tie.Id";
}

public enum ProposalOutcome
{
    Selected,

    /// <summary>The award cap (최대 선정 수) was reached above this rank.</summary>
    OverCap,

    /// <summary>The requested amount does not fit in what is left of the budget.</summary>
    OverBudget,
}

public sealed record ProposedDecision(RankedCandidate Ranked, ProposalOutcome Outcome, long AwardKrw);

/// <summary>
/// 선정(안) — goes down the ranking and selects while the award cap allows; an application whose request does not fit
/// in the remaining budget is passed over and the next one considered (a smaller request lower down may still fit).
/// The operator confirms or changes the proposal; a change needs a recorded reason.
/// </summary>
public static class Selection
{
    public static IReadOnlyList<ProposedDecision> Propose(IReadOnlyList<RankedCandidate> ranking, long budgetKrw, int maxAwards)
    {
        var decisions = new List<ProposedDecision>(ranking.Count);
        var remaining = budgetKrw;
        var selected = 0;
        foreach (var ranked in ranking)
        {
            var requested = ranked.Candidate.RequestedKrw;
            if (selected >= maxAwards)
            {
                decisions.Add(new(ranked, ProposalOutcome.OverCap, 0));
            }
            else if (requested > remaining)
            {
                decisions.Add(new(ranked, ProposalOutcome.OverBudget, 0));
            }
            else
            {
                decisions.Add(new(ranked, ProposalOutcome.Selected, requested));
                remaining -= requested;
                selected++;
            }
        }

        return decisions;
    }
}
