using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>Conflicts of interest and the reviewer's own assignments, through ReviewService on each database.</summary>
public sealed class ReviewerConflictTests
{
    private static async Task<RuleException> AssignRefusedAsync(HubAppFactory host, Guid callId, Guid[] applications, Guid[] reviewers) =>
        await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<ReviewService, int>(s => s.AssignAsync(callId, "paper", applications, reviewers)));

    [Theory, OnEveryDatabase]
    public async Task A_reviewer_who_belongs_to_the_applicant_or_declared_a_conflict_is_refused_and_nothing_is_assigned(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow);
        var (applicant, members) = await ApplicantAsync(host);
        var (bystander, bystanderMembers) = await ApplicantAsync(host);
        var mine = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id);
        var theirs = await ApplyAsync(host, call.Id, bystander.Id, bystanderMembers[0].Id);

        var clean = await host.CreateAsync(HubRoles.Reviewer);
        var insider = await host.CreateAsync(HubRoles.Reviewer);
        await host.QueryAsync(db =>   // a reviewer who is also a member of the applicant
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(applicant.Id, insider.Id, HubRoles.TenantMember,
                MembershipRole.Member, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        var declared = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService>(s => s.DeclareConflictAsync(declared.Id, applicant.Id, null, "전 직장"));

        var byMembership = await AssignRefusedAsync(host, call.Id, [theirs, mine], [clean.Id, insider.Id]);
        Assert.Equal("Programs.Review.Error.Conflict", byMembership.Key);
        Assert.Equal([insider.Email], byMembership.Arguments);
        var byDeclaration = await AssignRefusedAsync(host, call.Id, [mine], [declared.Id, clean.Id]);
        Assert.Equal("Programs.Review.Error.Conflict", byDeclaration.Key);
        Assert.Equal([declared.Email], byDeclaration.Arguments);

        Assert.Empty(await AssignmentsAsync(host, call.Id, "paper"));
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(host, mine)).Status);
        Assert.Equal(ApplicationStatus.Submitted, (await ApplicationAsync(host, theirs)).Status);

        // Without the application they conflict with, both may review the other one.
        Assert.Equal(3, await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [theirs],
            [clean.Id, insider.Id, declared.Id])));
        Assert.Equal(1, await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [mine], [clean.Id])));
    }

    [Theory, OnEveryDatabase]
    public async Task A_conflict_declared_for_one_call_refuses_only_in_that_call(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var (applicant, members) = await ApplicantAsync(host);
        var callOne = await PublishedCallAsync(host, now);
        var callTwo = await PublishedCallAsync(host, now);
        var inOne = await ApplyAsync(host, callOne.Id, applicant.Id, members[0].Id);
        var inTwo = await ApplyAsync(host, callTwo.Id, applicant.Id, members[0].Id);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService>(s => s.DeclareConflictAsync(reviewer.Id, applicant.Id, callOne.Id, "자문 중"));

        Assert.Equal("Programs.Review.Error.Conflict", (await AssignRefusedAsync(host, callOne.Id, [inOne], [reviewer.Id])).Key);
        Assert.Equal(1, await host.WithAsync<ReviewService, int>(s => s.AssignAsync(callTwo.Id, "paper", [inTwo], [reviewer.Id])));
    }

    [Theory, OnEveryDatabase]
    public async Task Declaring_a_conflict_removes_the_reviewers_unscored_assignments_with_that_organization_only(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var (applicant, members) = await ApplicantAsync(host);
        var (other, otherMembers) = await ApplicantAsync(host);
        var earlierCall = await PublishedCallAsync(host, now);
        var call = await PublishedCallAsync(host, now);
        var scoredApp = await ApplyAsync(host, earlierCall.Id, applicant.Id, members[0].Id);
        var openApp = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id);
        var otherApp = await ApplyAsync(host, call.Id, other.Id, otherMembers[0].Id);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        var colleague = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(earlierCall.Id, "paper", [scoredApp], [reviewer.Id]));
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [openApp, otherApp], [reviewer.Id, colleague.Id]));
        await ScoreAsync(host, Assert.Single(await AssignmentsAsync(host, earlierCall.Id, "paper")), ("tech", 50), ("biz", 25));

        await host.WithAsync<ReviewService>(s => s.DeclareConflictAsync(reviewer.Id, applicant.Id, null, "  가족이 재직  "));

        var left = await host.QueryAsync(db => db.ReviewerAssignments.AsNoTracking()
            .Where(a => a.CallId == earlierCall.Id || a.CallId == call.Id).Select(a => new { a.ApplicationId, a.ReviewerId })
            .ToListAsync());
        Assert.Equal(4, left.Count);
        Assert.DoesNotContain(left, x => x.ApplicationId == openApp && x.ReviewerId == reviewer.Id);   // removed
        Assert.Contains(left, x => x.ApplicationId == scoredApp && x.ReviewerId == reviewer.Id);        // scored: kept
        Assert.Contains(left, x => x.ApplicationId == otherApp && x.ReviewerId == reviewer.Id);         // another organization
        Assert.Contains(left, x => x.ApplicationId == openApp && x.ReviewerId == colleague.Id);         // another reviewer
        var declaration = await host.QueryAsync(db => db.ConflictDeclarations.AsNoTracking().SingleAsync(c => c.ReviewerId == reviewer.Id));
        Assert.Equal(("가족이 재직", applicant.Id, (Guid?)null), (declaration.Reason, declaration.OrganizationId, declaration.CallId));

        var empty = await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<ReviewService>(s => s.DeclareConflictAsync(colleague.Id, applicant.Id, null, "  ")));
        Assert.Equal("Programs.Application.Error.ReasonRequired", empty.Key);
        Assert.Equal(2, await host.QueryAsync(db => db.ReviewerAssignments.CountAsync(a => a.ReviewerId == colleague.Id)));
    }

    [Theory, OnEveryDatabase]
    public async Task Only_people_with_the_reviewer_role_can_be_assigned(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow);
        var (applicant, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id);
        var reviewer = await host.CreateAsync(HubRoles.Reviewer);
        var notReviewer = await host.CreateAsync(HubRoles.TenantMember);

        Assert.Equal("Programs.Review.Error.NotReviewer", (await AssignRefusedAsync(host, call.Id, [app],
            [reviewer.Id, notReviewer.Id])).Key);
        Assert.Equal("Programs.Review.Error.NotReviewer", (await AssignRefusedAsync(host, call.Id, [app], [Guid.NewGuid()])).Key);
        Assert.Empty(await AssignmentsAsync(host, call.Id, "paper"));
    }

    [Theory, OnEveryDatabase]
    public async Task A_reviewer_cannot_load_or_score_another_reviewers_assignment(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow);
        var (applicant, members) = await ApplicantAsync(host);
        var app = await ApplyAsync(host, call.Id, applicant.Id, members[0].Id);
        var owner = await host.CreateAsync(HubRoles.Reviewer);
        var stranger = await host.CreateAsync(HubRoles.Reviewer);
        await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [app], [owner.Id]));
        var assignment = Assert.Single(await AssignmentsAsync(host, call.Id, "paper"));

        var own = await host.WithAsync<ReviewService, ReviewerAssignment?>(s => s.FindOwnAsync(assignment.Id, owner.Id));
        Assert.NotNull(own);
        Assert.Equal(app, own.Application.Id);
        Assert.Equal(call.Id, own.Application.Call.Id);
        Assert.Single(own.Application.Documents);
        Assert.Null(await host.WithAsync<ReviewService, ReviewerAssignment?>(s => s.FindOwnAsync(assignment.Id, stranger.Id)));

        var scores = new Dictionary<string, CriterionScore> { ["tech"] = new(100, null), ["biz"] = new(50, null) };
        await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<ReviewService>(s => s.ScoreAsync(assignment.Id, stranger.Id, scores, submit: true)));
        var untouched = Assert.Single(await AssignmentsAsync(host, call.Id, "paper"));
        Assert.Empty(untouched.Scores);
        Assert.Null(untouched.SubmittedAt);

        // The owner saves a draft, then submits; a second submission is refused and changes nothing.
        await host.WithAsync<ReviewService>(s => s.ScoreAsync(assignment.Id, owner.Id,
            new Dictionary<string, CriterionScore> { ["tech"] = new(40, "초안") }, submit: false));
        var incomplete = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<ReviewService>(s =>
            s.ScoreAsync(assignment.Id, owner.Id, new Dictionary<string, CriterionScore> { ["tech"] = new(40, null) }, submit: true)));
        Assert.Equal("Programs.Review.Error.Incomplete", incomplete.Key);
        Assert.Equal(40, Assert.Single(await AssignmentsAsync(host, call.Id, "paper")).Scores["tech"].Score);
        await host.WithAsync<ReviewService>(s => s.ScoreAsync(assignment.Id, owner.Id, scores, submit: true));
        var again = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<ReviewService>(s =>
            s.ScoreAsync(assignment.Id, owner.Id, new Dictionary<string, CriterionScore> { ["tech"] = new(0, null),
                ["biz"] = new(0, null) }, submit: true)));
        Assert.Equal("Programs.Review.Error.AlreadySubmitted", again.Key);
        Assert.Equal(100m, Assert.Single(await AssignmentsAsync(host, call.Id, "paper")).WeightedTotal);
    }
}
