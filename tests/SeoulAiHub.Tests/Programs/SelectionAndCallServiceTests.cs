using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>SelectionService and CallService rules through the real services on each database.</summary>
public sealed class SelectionAndCallServiceTests
{
    /// <summary>A one-stage call with three scored applications: A (90), B (80), C (70), each requesting 40 million.</summary>
    private static async Task<(Call Call, Guid A, Guid B, Guid C)> ThreeScoredAsync(HubAppFactory host, long budget, int maxAwards)
    {
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, OneStage(), budgetKrw: budget, maxAwards: maxAwards);
        var ids = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var (org, members) = await ApplicantAsync(host);
            ids.Add(await ApplyAsync(host, call.Id, org.Id, members[0].Id, requestedKrw: 40_000_000));
        }

        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", ids, [reviewer.Id]));
        foreach (var assignment in await AssignmentsAsync(host, call.Id, "paper"))
        {
            var tech = 90 - (ids.IndexOf(assignment.ApplicationId) * 10);   // tech only differs: 60% weight
            await ScoreAsync(host, assignment, ("tech", tech), ("biz", tech / 2));
        }

        return (call, ids[0], ids[1], ids[2]);
    }

    [Theory, OnEveryDatabase]
    public async Task The_proposal_follows_budget_and_cap_and_a_change_needs_a_reason(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (call, a, b, c) = await ThreeScoredAsync(host, budget: 100_000_000, maxAwards: 2);
        var ranking = (await host.WithAsync<SelectionService, StageRanking?>(s => s.RankAsync(call.Id, "paper")))!;
        Assert.True(ranking.IsFinalStage);
        Assert.Equal([a, b, c], ranking.Proposal.Select(p => p.Ranked.Candidate.ApplicationId));
        Assert.Equal([90m, 80m, 70m], ranking.Proposal.Select(p => p.Ranked.Score));
        Assert.Equal([ProposalOutcome.Selected, ProposalOutcome.Selected, ProposalOutcome.OverCap],
            ranking.Proposal.Select(p => p.Outcome));

        async Task<string> RefusedAsync(params SelectionDecision[] decisions) =>
            (await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id, decisions)))).Key;

        // Over the cap, over the budget, a negative award, an application not in the ranking.
        Assert.Equal("Programs.Selection.Error.OverLimits", await RefusedAsync(new(a, true, 1, "x"), new(b, true, 1, "x"),
            new(c, true, 1, "x")));
        Assert.Equal("Programs.Selection.Error.OverLimits", await RefusedAsync(new(a, true, 60_000_000, "x"),
            new(b, true, 40_000_001, "x")));
        Assert.Equal("Programs.Selection.Error.OverLimits", await RefusedAsync(new SelectionDecision(a, false, -1, null)));
        Assert.Equal("Programs.Selection.Error.OverLimits", await RefusedAsync(new SelectionDecision(Guid.NewGuid(), false, 0, null)));

        // Swapping B for C, or changing A's award, without a reason: refused with the rank concerned.
        var swap = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id,
            [new(a, true, 40_000_000, null), new(b, false, 0, null), new(c, true, 40_000_000, null)])));
        Assert.Equal(("Programs.Selection.Error.ReasonRequired", 2), (swap.Key, (int)swap.Arguments[0]));
        Assert.Equal("Programs.Selection.Error.ReasonRequired", await RefusedAsync(new(a, true, 35_000_000, " "),
            new(b, true, 40_000_000, null)));
        Assert.Null((await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(x => x.Id == call.Id))).ResultsPublishedAt);
        Assert.All(await host.QueryAsync(db => db.Applications.AsNoTracking().Where(x => x.CallId == call.Id).ToListAsync()),
            x => Assert.Equal(ApplicationStatus.UnderReview, x.Status));

        // With reasons the operator's decisions stand.
        await host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id,
            [new(a, true, 35_000_000, "  예산 조정  "), new(b, false, 0, "사업 중복"), new(c, true, 40_000_000, "사업 중복으로 차순위 선정")]));
        var decided = await host.QueryAsync(db => db.Applications.AsNoTracking().Where(x => x.CallId == call.Id)
            .ToDictionaryAsync(x => x.Id));
        Assert.Equal((ApplicationStatus.Selected, 35_000_000L, "예산 조정"), (decided[a].Status, decided[a].AwardKrw!.Value,
            decided[a].DecisionNote!));
        Assert.Equal((ApplicationStatus.NotSelected, (long?)null, "사업 중복"),
            (decided[b].Status, decided[b].AwardKrw, decided[b].DecisionNote!));
        Assert.Equal(ApplicationStatus.Selected, decided[c].Status);

        // Results are published once.
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id, [])));
    }

    [Theory, OnEveryDatabase]
    public async Task Applications_dropped_at_the_first_stage_or_never_reviewed_are_not_selected(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, TwoStages(), budgetKrw: 100_000_000, maxAwards: 3);
        var apps = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var (org, members) = await ApplicantAsync(host);
            apps.Add(await ApplyAsync(host, call.Id, org.Id, members[0].Id, requestedKrw: 10_000_000));
        }

        var (advanced, dropped, unreviewed) = (apps[0], apps[1], apps[2]);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [advanced, dropped], [reviewer.Id]));
        foreach (var assignment in await AssignmentsAsync(host, call.Id, "paper"))
        {
            await ScoreAsync(host, assignment, ("tech", 50), ("biz", 25));
        }

        await host.WithAsync<SelectionService>(s => s.AdvanceAsync(call.Id, [advanced]));
        var again = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<SelectionService>(s =>
            s.AdvanceAsync(call.Id, [advanced])));
        Assert.Equal("Programs.Application.Error.NoNextStage", again.Key);

        // Stage 2 not yet scored: the ranking is empty and names the unscored one.
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "pitch", [advanced], [reviewer.Id]));
        var pending = (await host.WithAsync<SelectionService, StageRanking?>(s => s.RankAsync(call.Id, "pitch")))!;
        Assert.Empty(pending.Proposal);
        Assert.Equal([advanced], pending.Unscored);
        Assert.Equal((1, 0), (pending.AssignmentsTotal, pending.AssignmentsSubmitted));

        await ScoreAsync(host, Assert.Single(await AssignmentsAsync(host, call.Id, "pitch")), ("talk", 7));
        await host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id, [new(advanced, true, 10_000_000, null)]));
        var statuses = await host.QueryAsync(db => db.Applications.AsNoTracking().Where(x => x.CallId == call.Id)
            .ToDictionaryAsync(x => x.Id, x => x.Status));
        Assert.Equal(ApplicationStatus.Selected, statuses[advanced]);
        Assert.Equal(ApplicationStatus.NotSelected, statuses[dropped]);
        Assert.Equal(ApplicationStatus.NotSelected, statuses[unreviewed]);
    }

    [Theory, OnEveryDatabase]
    public async Task A_call_needs_criteria_to_be_published_and_its_design_is_fixed_once_applications_are_in(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var program = await host.WithAsync<CallService, SupportProgram>(s =>
            s.CreateProgramAsync(ProgramKind.Incubation, " 보육 ", " Incubation ", null, null));
        Assert.Equal(("보육", "Incubation"), (program.NameKo, program.NameEn));
        var now = DateTimeOffset.UtcNow;
        var text = new CallText("공고", "Call", "본문", null);
        var terms = new CallTerms(now.AddDays(-1), now.AddDays(10), 50_000_000, 2, 7);

        var noProgram = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CallService, Call>(s =>
            s.CreateAsync(Guid.NewGuid(), text, terms, TwoStages())));
        Assert.Equal("Programs.Call.Error.NoProgram", noProgram.Key);
        var dates = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CallService, Call>(s =>
            s.CreateAsync(program.Id, text, terms with { ClosesAt = terms.OpensAt }, TwoStages())));
        Assert.Equal("Programs.Call.Error.Dates", dates.Key);
        var money = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CallService, Call>(s =>
            s.CreateAsync(program.Id, text, terms with { MaxAwards = 0 }, TwoStages())));
        Assert.Equal("Programs.Call.Error.Terms", money.Key);

        var bare = await host.WithAsync<CallService, Call>(s => s.CreateAsync(program.Id, text, terms, CallDesign.Empty));
        var noCriteria = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CallService>(s => s.PublishAsync(bare.Id)));
        Assert.Equal("Programs.Call.Error.NoCriteria", noCriteria.Key);
        Assert.Equal(CallStatus.Draft, (await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == bare.Id))).Status);

        // The design reads back whole from its JSON column.
        var call = await PublishedCallAsync(host, now, TwoStages());
        var stored = await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Equal(CallDesignText.StagesText(TwoStages()), CallDesignText.StagesText(stored.Design));
        Assert.Equal(CallDesignText.FieldsText(TwoStages()), CallDesignText.FieldsText(stored.Design));

        // A draft application does not fix the design; a submitted one does, though text and terms may still change.
        var (org, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, org.Id, members[0].Id, submit: false);
        var changedTerms = new CallTerms(stored.OpensAt, stored.ClosesAt.AddDays(3), 80_000_000, 3, 10);
        await host.WithAsync<CallService>(s => s.UpdateAsync(call.Id, text, changedTerms, TwoStages()));
        Assert.True((await host.WithAsync<ApplicationService, SubmitOutcome>(s => s.SubmitAsync(app))).Submitted);
        var fixedDesign = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CallService>(s =>
            s.UpdateAsync(call.Id, text, changedTerms, OneStage())));
        Assert.Equal("Programs.Call.Error.DesignFixed", fixedDesign.Key);
        await host.WithAsync<CallService>(s => s.UpdateAsync(call.Id, new CallText("바뀐 제목", "New title", "본문", "Body"),
            changedTerms with { BudgetKrw = 90_000_000 }, TwoStages()));
        var updated = await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Equal(("바뀐 제목", 90_000_000L, 2), (updated.TitleKo, updated.BudgetKrw, updated.Design.Stages.Count));

        // A copy is a new draft with the same design, pointing at its source.
        var copy = await host.WithAsync<CallService, Call>(s => s.CopyAsync(call.Id));
        var copied = await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == copy.Id));
        Assert.Equal((CallStatus.Draft, call.Id, "바뀐 제목 (복사)"), (copied.Status, copied.CopiedFromId!.Value, copied.TitleKo));
        Assert.Equal(CallDesignText.StagesText(updated.Design), CallDesignText.StagesText(copied.Design));
        Assert.Equal(0, await host.QueryAsync(db => db.Applications.CountAsync(a => a.CallId == copy.Id)));
    }

    [Theory, OnEveryDatabase]
    public async Task Answers_are_copied_from_an_earlier_application_of_the_same_organization_only(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var (org, members) = await ApplicantAsync(host);
        var (stranger, strangerMembers) = await ApplicantAsync(host);
        var earlierCall = await PublishedCallAsync(host, now);
        var call = await PublishedCallAsync(host, now, OneStage() with { Fields = [OneStage().Fields[0]] });   // no "staff" field
        var earlier = await ApplyAsync(host, earlierCall.Id, org.Id, members[0].Id, "지난 과제", 25_000_000);
        var theirs = await ApplyAsync(host, earlierCall.Id, stranger.Id, strangerMembers[0].Id, "남의 과제");
        var draft = await host.WithAsync<ApplicationService, Application>(s => s.StartAsync(call.Id, org.Id, members[0].Id));

        var refused = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<ApplicationService>(s =>
            s.CopyFromAsync(draft.Id, theirs)));
        Assert.Equal("Programs.Application.Error.WrongState", refused.Key);
        Assert.Equal("", (await ApplicationAsync(host, draft.Id)).Title);

        await host.WithAsync<ApplicationService>(s => s.CopyFromAsync(draft.Id, earlier));
        var copied = await ApplicationAsync(host, draft.Id);
        Assert.Equal(("지난 과제", 25_000_000L), (copied.Title, copied.RequestedKrw));
        Assert.Equal([Summary], copied.Answers.Keys);   // the staff answer has no field in this call
        Assert.Equal(ApplicationStatus.Draft, copied.Status);
    }
}
