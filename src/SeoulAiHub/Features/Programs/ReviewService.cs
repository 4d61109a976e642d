using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Programs;

/// <summary>
/// 심사 — operators assign reviewers to the applications of a stage; reviewers declare conflicts and score their own
/// assignments. A reviewer who belongs to the applicant organization, or has declared a conflict with it (for every
/// call or this one), is refused, and the whole assignment request changes nothing.
/// </summary>
public sealed class ReviewService(HubDb db, TimeProvider clock)
{
    /// <summary>Assigns every reviewer to every application (already assigned pairs are left as they are).</summary>
    public async Task<int> AssignAsync(Guid callId, string stageKey, IReadOnlyCollection<Guid> applicationIds,
        IReadOnlyCollection<Guid> reviewerIds, CancellationToken ct = default)
    {
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == callId, ct);
        var stageIndex = call.Design.Stages.ToList().FindIndex(s => s.Key == stageKey);
        if (stageIndex < 0)
        {
            throw new RuleException("Programs.Application.Error.WrongState");
        }

        var reviewerRole = await db.Roles.Where(r => r.Name == HubRoles.Reviewer).Select(r => r.Id).FirstAsync(ct);
        var reviewers = await db.Users.AsNoTracking()
            .Where(u => reviewerIds.Contains(u.Id) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == reviewerRole))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        if (reviewers.Count != reviewerIds.Distinct().Count())
        {
            throw new RuleException("Programs.Review.Error.NotReviewer");
        }

        var applications = await db.Applications
            .Where(a => a.CallId == callId && applicationIds.Contains(a.Id) &&
                (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
            .ToListAsync(ct);
        if (applications.Count != applicationIds.Distinct().Count() || applications.Any(a => a.StageIndex != stageIndex))
        {
            throw new RuleException("Programs.Application.Error.NotSubmitted");
        }

        var organizationIds = applications.Select(a => a.OrganizationId).Distinct().ToList();
        var memberships = await db.AnyMembershipsAsync(reviewerIds, organizationIds, ct);
        var declared = await db.ConflictDeclarations.AsNoTracking()
            .Where(c => reviewerIds.Contains(c.ReviewerId) && organizationIds.Contains(c.OrganizationId) &&
                (c.CallId == null || c.CallId == callId))
            .Select(c => new { UserId = c.ReviewerId, c.OrganizationId })
            .ToListAsync(ct);
        var conflicts = memberships.Concat(declared.Select(x => (x.UserId, x.OrganizationId))).ToHashSet();
        if (reviewers.FirstOrDefault(r => applications.Any(a => conflicts.Contains((r.Id, a.OrganizationId)))) is { } conflicted)
        {
            throw new RuleException("Programs.Review.Error.Conflict", conflicted.Email ?? "");
        }

        var existing = (await db.ReviewerAssignments.AsNoTracking()
                .Where(x => x.CallId == callId && x.StageKey == stageKey && applicationIds.Contains(x.ApplicationId))
                .Select(x => new { x.ApplicationId, x.ReviewerId })
                .ToListAsync(ct))
            .Select(x => (x.ApplicationId, x.ReviewerId)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var application in applications)
        {
            if (application.Status == ApplicationStatus.Submitted)
            {
                application.StartReview(now);
            }

            foreach (var reviewer in reviewers.Where(r => !existing.Contains((application.Id, r.Id))))
            {
                db.ReviewerAssignments.Add(ReviewerAssignment.Create(callId, application.Id, stageKey, reviewer.Id, now));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task DeclareConflictAsync(Guid reviewerId, Guid organizationId, Guid? callId, string reason,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || !await db.OrganizationExistsAsync(organizationId, ct))
        {
            throw new RuleException("Programs.Application.Error.ReasonRequired");
        }

        db.ConflictDeclarations.Add(ConflictDeclaration.Declare(reviewerId, organizationId, callId, reason, clock.GetUtcNow()));
        // Assignments not yet scored with that organization end now: the reviewer must not see them any more.
        var open = await db.ReviewerAssignments
            .Where(a => a.ReviewerId == reviewerId && a.SubmittedAt == null && a.Application.OrganizationId == organizationId &&
                (callId == null || a.CallId == callId))
            .ToListAsync(ct);
        db.ReviewerAssignments.RemoveRange(open);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The reviewer's own assignment, or null: nobody reaches another reviewer's assignment through here.</summary>
    public Task<ReviewerAssignment?> FindOwnAsync(Guid assignmentId, Guid reviewerId, CancellationToken ct = default) =>
        db.ReviewerAssignments.Include(a => a.Application).ThenInclude(a => a.Documents)
            .Include(a => a.Application).ThenInclude(a => a.Call)
            .Include(a => a.Application).ThenInclude(a => a.Organization)
            .FirstOrDefaultAsync(a => a.Id == assignmentId && a.ReviewerId == reviewerId, ct);

    public async Task ScoreAsync(Guid assignmentId, Guid reviewerId, IReadOnlyDictionary<string, CriterionScore> scores, bool submit,
        CancellationToken ct = default)
    {
        var assignment = await FindOwnAsync(assignmentId, reviewerId, ct)
            ?? throw new RuleException("Programs.Application.Error.WrongState");
        var stage = assignment.Application.Call.Design.Stage(assignment.StageKey)
            ?? throw new RuleException("Programs.Application.Error.WrongState");
        if (assignment.Application.Status != ApplicationStatus.UnderReview)
        {
            throw new RuleException("Programs.Application.Error.NotUnderReview");   // withdrawn or already decided
        }

        assignment.Score(stage, scores, submit, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
