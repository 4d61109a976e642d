using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>The ranking kept in memory is used only while nothing it depends on has changed.</summary>
public sealed class RankingCacheTests
{
    [Theory, OnEveryDatabase]
    public async Task A_new_score_a_withdrawal_and_a_changed_budget_each_show_in_the_next_ranking(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage());
        var (first, firstMembers) = await ApplicantAsync(host);
        var (second, secondMembers) = await ApplicantAsync(host);
        var a = await ApplyAsync(host, call.Id, first.Id, firstMembers[0].Id, requestedKrw: 30_000_000);
        var b = await ApplyAsync(host, call.Id, second.Id, secondMembers[0].Id, requestedKrw: 30_000_000);
        var reviewers = new[] { await host.CreateAsync(HubRoles.Reviewer), await host.CreateAsync(HubRoles.Reviewer) };
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [a, b], [.. reviewers.Select(r => r.Id)]));
        var assignments = await AssignmentsAsync(host, call.Id, "paper");
        await ScoreAsync(host, assignments.First(x => x.ApplicationId == a && x.ReviewerId == reviewers[0].Id), ("tech", 80), ("biz", 40));
        await ScoreAsync(host, assignments.First(x => x.ApplicationId == b && x.ReviewerId == reviewers[0].Id), ("tech", 60), ("biz", 40));

        Task<StageRanking> RankAsync() => host.WithAsync<SelectionService, StageRanking>(async s => (await s.RankAsync(call.Id, "paper"))!);

        var before = await RankAsync();
        Assert.Equal(2, before.AssignmentsSubmitted);
        Assert.Same(before.Proposal, (await RankAsync()).Proposal);   // nothing changed: the kept ranking

        // A second reviewer turns the order round.
        await ScoreAsync(host, assignments.First(x => x.ApplicationId == b && x.ReviewerId == reviewers[1].Id), ("tech", 100), ("biz", 50));
        var rescored = await RankAsync();
        Assert.Equal(3, rescored.AssignmentsSubmitted);
        Assert.Equal(b, rescored.Proposal[0].Ranked.Candidate.ApplicationId);

        // A withdrawn application leaves the ranking.
        await host.WithAsync<ApplicationService>(s => s.WithdrawAsync(b));
        var withdrawn = await RankAsync();
        Assert.Equal([a], withdrawn.Proposal.Select(p => p.Ranked.Candidate.ApplicationId));

        // A budget too small for the request changes the proposal.
        await host.QueryAsync(async db =>
        {
            var tracked = await db.Calls.FindAsync(call.Id);
            tracked!.Update(new CallText(tracked.TitleKo, tracked.TitleEn, tracked.BodyKo, tracked.BodyEn),
                new CallTerms(tracked.OpensAt, tracked.ClosesAt, 10_000_000, tracked.MaxAwards, tracked.AppealDays), tracked.Design);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(ProposalOutcome.OverBudget, (await RankAsync()).Proposal[0].Outcome);
    }
}
