using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs;

/// <summary>The ranking of one stage with the proposed selection, and what is still unscored.</summary>
public sealed record StageRanking(
    Call Call,
    EvaluationStage Stage,
    int StageIndex,
    IReadOnlyList<ProposedDecision> Proposal,
    int AssignmentsTotal,
    int AssignmentsSubmitted,
    IReadOnlyList<Guid> Unscored)
{
    public bool IsFinalStage => StageIndex == Call.Design.Stages.Count - 1;
}

/// <summary>An operator's decision on one application: selected or not, the award, and why it differs from the proposal.</summary>
public sealed record SelectionDecision(Guid ApplicationId, bool Selected, long AwardKrw, string? Reason);

/// <summary>
/// 순위 산정과 선정 — ranks the applications of a stage from the reviewers' submitted totals, proposes a selection
/// within the budget and award cap, moves chosen applications to the next stage, and records the operator's final
/// decisions (any change from the proposal needs a reason), then tells every applicant.
/// </summary>
public sealed class SelectionService(HubDb db, Notifier notifier, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>What a ranking depends on; when none of it moved, the last ranking computed still holds.</summary>
    private sealed record RankingStamp(long BudgetKrw, int MaxAwards, int Assigned, int Submitted, DateTimeOffset? LastScored,
        DateTimeOffset? LastApplicationChange, DateTimeOffset? LastOrganizationChange);

    /// <summary>
    /// The ranking of a stage. Ranking 2,000 applications means reading 20,000 reviewer totals, so the result is kept
    /// in memory with a stamp of everything it depends on (four small aggregate queries); an operator who reloads the
    /// page, or several who look at once, get it from there until a score, an application or an applicant changes.
    /// </summary>
    public async Task<StageRanking?> RankAsync(Guid callId, string? stageKey, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || call.Design.Stages.Count == 0)
        {
            return null;
        }

        var stages = call.Design.Stages;
        var stageIndex = Math.Max(0, stages.ToList().FindIndex(s => s.Key == stageKey));
        var stage = stages[stageIndex];

        var assignments = db.ReviewerAssignments.Where(x => x.CallId == callId && x.StageKey == stage.Key);
        var stamp = new RankingStamp(call.BudgetKrw, call.MaxAwards,
            await assignments.CountAsync(ct),
            await assignments.CountAsync(x => x.SubmittedAt != null, ct),
            await assignments.MaxAsync(x => x.SubmittedAt, ct),
            await db.Applications.Where(a => a.CallId == callId).MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, ct),
            await db.Applications.Where(a => a.CallId == callId).MaxAsync(a => (DateTimeOffset?)a.Organization.UpdatedAt, ct));
        var key = (nameof(RankAsync), callId, stage.Key);
        if (cache.TryGetValue(key, out (RankingStamp Stamp, StageRanking Ranking) kept) && kept.Stamp == stamp)
        {
            return kept.Ranking with { Call = call };
        }

        var ranking = await ComputeAsync(call, stage, stageIndex, ct);
        cache.Set(key, (stamp, ranking), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        return ranking;
    }

    private async Task<StageRanking> ComputeAsync(Call call, EvaluationStage stage, int stageIndex, CancellationToken ct)
    {
        var callId = call.Id;

        // Two narrow reads: the applications in this stage, and one row per reviewer with the stored totals.
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && a.StageIndex == stageIndex && a.Status == ApplicationStatus.UnderReview)
            .Select(a => new { a.Id, a.Title, OrganizationName = a.Organization.NameKo, a.RequestedKrw, a.SubmittedAt })
            .ToListAsync(ct);
        var totals = await db.ReviewerAssignments.AsNoTracking()
            .Where(x => x.CallId == callId && x.StageKey == stage.Key)
            .Select(x => new { x.ApplicationId, x.WeightedTotal, x.HeaviestScore })
            .ToListAsync(ct);

        var byApplication = totals.Where(t => t.WeightedTotal is not null).ToLookup(t => t.ApplicationId);
        var scored = applications.Where(a => byApplication.Contains(a.Id)).Select(a => new Candidate(
            a.Id, $"{a.OrganizationName} — {a.Title}", a.RequestedKrw, a.SubmittedAt ?? DateTimeOffset.MaxValue,
            [.. byApplication[a.Id].Select(t => t.WeightedTotal!.Value)],
            byApplication[a.Id].Average(t => t.HeaviestScore ?? 0)));
        var ranking = Ranking.Rank(scored);
        var proposal = Selection.Propose(ranking, call.BudgetKrw, call.MaxAwards);

        return new StageRanking(call, stage, stageIndex, proposal, totals.Count, totals.Count(t => t.WeightedTotal is not null),
            [.. applications.Where(a => !byApplication.Contains(a.Id)).Select(a => a.Id)]);
    }

    /// <summary>Moves the given applications of a stage to the next one (다음 단계 진출).</summary>
    public async Task AdvanceAsync(Guid callId, IReadOnlyCollection<Guid> applicationIds, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == callId, ct);
        var applications = await db.Applications.Where(a => a.CallId == callId && applicationIds.Contains(a.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var application in applications)
        {
            application.AdvanceStage(call.Design.Stages.Count, now);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records the final decisions for every application still under review, publishes the results (which opens the
    /// appeal window) and notifies each applicant. Decisions that differ from the proposal must carry a reason;
    /// together they must stay within the budget and the award cap.
    /// </summary>
    public async Task ConfirmAsync(Guid callId, IReadOnlyList<SelectionDecision> decisions, CancellationToken ct = default)
    {
        var finalStage = await db.Calls.Where(c => c.Id == callId).Select(c => c.Design)
            .FirstOrDefaultAsync(ct) is { Stages.Count: > 0 } design
            ? design.Stages[^1].Key
            : null;
        if (finalStage is null || await RankAsync(callId, finalStage, ct) is not { } ranking)
        {
            throw new RuleException("Programs.Application.Error.WrongState");
        }

        var proposed = ranking.Proposal.ToDictionary(p => p.Ranked.Candidate.ApplicationId);
        if (decisions.Select(d => d.ApplicationId).Distinct().Count() != decisions.Count)
        {
            throw new RuleException("Programs.Selection.Error.Duplicate");
        }

        var selected = decisions.Where(d => d.Selected).ToList();
        if (selected.Count > ranking.Call.MaxAwards || selected.Sum(d => d.AwardKrw) > ranking.Call.BudgetKrw ||
            decisions.Any(d => d.AwardKrw < 0 || !proposed.ContainsKey(d.ApplicationId)))
        {
            throw new RuleException("Programs.Selection.Error.OverLimits");
        }

        foreach (var decision in decisions)
        {
            var proposal = proposed[decision.ApplicationId];
            var differs = decision.Selected != (proposal.Outcome == ProposalOutcome.Selected) ||
                (decision.Selected && decision.AwardKrw != proposal.AwardKrw);
            if (differs && string.IsNullOrWhiteSpace(decision.Reason))
            {
                throw new RuleException("Programs.Selection.Error.ReasonRequired", proposal.Ranked.Rank);
            }
        }

        var now = clock.GetUtcNow();
        var call = await db.Calls.FirstAsync(c => c.Id == callId, ct);
        call.PublishResults(now);
        var byId = decisions.ToDictionary(d => d.ApplicationId);
        var open = await db.Applications.Where(a => a.CallId == callId &&
            (a.Status == ApplicationStatus.UnderReview || a.Status == ApplicationStatus.Submitted)).ToListAsync(ct);
        foreach (var application in open)
        {
            // Applications not in the final ranking (dropped at an earlier stage, or never scored) are not selected.
            var decision = byId.GetValueOrDefault(application.Id);
            application.Decide(decision?.Selected == true, decision is { Selected: true } ? decision.AwardKrw : 0, decision?.Reason, now);
        }

        await db.SaveChangesAsync(ct);

        foreach (var application in open)
        {
            var won = application.Status == ApplicationStatus.Selected;
            await notifier.OrganizationAsync(application.OrganizationId,
                won ? $"선정 안내: {call.TitleKo}" : $"심사 결과 안내: {call.TitleKo}",
                won ? $"Selected: {call.TitleEn}" : $"Result: {call.TitleEn}",
                won ? "축하합니다. 신청하신 과제가 선정되었습니다. 협약 절차를 안내해 드리겠습니다."
                    : $"아쉽게도 이번에는 선정되지 않았습니다. 결과에 이의가 있으면 {call.AppealDays}일 안에 이의신청을 할 수 있습니다.",
                won ? "Congratulations: your application was selected. We will contact you about the agreement."
                    : $"Your application was not selected this time. You may appeal within {call.AppealDays} days.",
                $"/applications/{application.Id}", ct);
        }
    }

    /// <summary>보완 요청 — sends a submitted application back to its organization with a note; it may be submitted again.</summary>
    public async Task RequestRevisionsAsync(Guid callId, Guid applicationId, string note, CancellationToken ct = default)
    {
        var application = await db.Applications.Include(a => a.Call).FirstOrDefaultAsync(a => a.Id == applicationId &&
            a.CallId == callId, ct)
            ?? throw new RuleException("Programs.Application.Error.WrongState");
        application.RequestRevisions(note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notifier.OrganizationAsync(application.OrganizationId,
            $"보완 요청: {application.Call.TitleKo}", $"Revisions requested: {application.Call.TitleEn}",
            $"신청서 보완을 요청드립니다. {application.DecisionNote}", $"Please revise your application. {application.DecisionNote}",
            $"/applications/{application.Id}", ct);
    }
}
