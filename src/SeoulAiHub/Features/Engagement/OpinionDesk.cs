using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Engagement;

/// <summary>
/// 의견 처리 — records opinions and works them: answer, merge duplicates, action items and their progress. Each
/// operation is one save (the change and its history together); a new owner of an action item is told in the app and
/// by email, written in the same transaction as the item (the mail goes through the outbox).
/// </summary>
public sealed class OpinionDesk(HubDb db, Notifier notifier, TimeProvider clock)
{
    public async Task<FieldOpinion> RecordAsync(OpinionSource source, Guid? visitId, Guid? organizationId, string? speaker, string? text,
        OpinionCategory category, OpinionVisibility visibility, DateOnly? saidOn, Guid by, CancellationToken ct = default)
    {
        var today = Kst.Today(clock);
        if (visitId is { } id)
        {
            var visit = await db.Visits.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.Date, v.Status })
                .SingleOrDefaultAsync(ct);
            Require(visit is not null, "Engagement.Error.NoSuchVisit");
            Require(visit!.Status != VisitStatus.Cancelled, "Engagement.Error.VisitCancelled");
            saidOn ??= visit.Date;
        }

        Require(saidOn is null || saidOn <= today, "Engagement.Error.SaidInFuture");
        if (organizationId is { } organization)
        {
            Require(await db.OrganizationExistsAsync(organization, ct), "Engagement.Error.NoSuchOrganization");
        }

        var opinion = FieldOpinion.Record(source, visitId, organizationId, speaker, text, category, visibility, saidOn ?? today,
            by, clock.GetUtcNow());
        db.FieldOpinions.Add(opinion);
        await db.SaveChangesAsync(ct);
        return opinion;
    }

    public async Task EditAsync(Guid id, string? speaker, string? text, OpinionCategory category, OpinionVisibility visibility, Guid by,
        CancellationToken ct = default)
    {
        var opinion = await FindAsync(id, ct);
        opinion.Edit(speaker, text, category, visibility, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task AnswerAsync(Guid id, string? answer, Guid by, CancellationToken ct = default)
    {
        var opinion = await FindAsync(id, ct);
        opinion.Reply(answer, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges a duplicate into the opinion that stays; see <see cref="FieldOpinion.Merge"/>.</summary>
    public async Task MergeAsync(Guid duplicateId, Guid survivorId, Guid by, CancellationToken ct = default)
    {
        Require(duplicateId != survivorId, "Engagement.Error.MergeSelf");
        var duplicate = await FindAsync(duplicateId, ct);
        var survivor = await FindAsync(survivorId, ct);
        var actions = await db.ActionItems.Where(a => a.OpinionId == duplicateId).ToListAsync(ct);
        var earlier = await db.FieldOpinions.Where(o => o.MergedIntoId == duplicateId).ToListAsync(ct);
        FieldOpinion.Merge(duplicate, survivor, actions, earlier, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<ActionItem> AddActionAsync(Guid opinionId, string? title, string? department, Guid? ownerUserId, DateOnly dueOn,
        Guid by, CancellationToken ct = default)
    {
        var opinion = await FindAsync(opinionId, ct);
        await RequireUserAsync(ownerUserId, ct);
        var action = ActionItem.Create(opinion, title, department, ownerUserId, dueOn, Kst.Today(clock), by, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ActionItems.Add(action);
        await db.SaveChangesAsync(ct);
        await TellOwnerAsync(action, isNew: true, ct);
        await transaction.CommitAsync(ct);
        return action;
    }

    public async Task MoveActionAsync(Guid actionId, ActionStatus to, string? note, Guid by, CancellationToken ct = default)
    {
        var action = await FindActionAsync(actionId, ct);
        action.Move(to, note, Kst.Today(clock), by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task RescheduleActionAsync(Guid actionId, DateOnly dueOn, string? reason, Guid by, CancellationToken ct = default)
    {
        var action = await FindActionAsync(actionId, ct);
        action.Reschedule(dueOn, reason, Kst.Today(clock), by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task ReassignActionAsync(Guid actionId, string? department, Guid? ownerUserId, Guid by, CancellationToken ct = default)
    {
        var action = await FindActionAsync(actionId, ct);
        await RequireUserAsync(ownerUserId, ct);
        var tell = action.Reassign(department, ownerUserId, by, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (tell)
        {
            await TellOwnerAsync(action, isNew: true, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Tells the owner of a new (or newly theirs) action item, in the app and by email.</summary>
    internal async Task TellOwnerAsync(ActionItem action, bool isNew, CancellationToken ct)
    {
        if (action.OwnerUserId is not { } owner)
        {
            return;
        }

        var email = await db.Users.Where(u => u.Id == owner).Select(u => u.Email).SingleAsync(ct);
        var link = $"/engagement/opinions/{action.OpinionId}#action-{action.Id}";
        if (isNew)
        {
            await notifier.UserAsync(owner, email,
                $"새 조치 과제: {action.Title}", $"New action item: {action.Title}",
                $"조치 과제 '{action.Title}'의 담당자로 지정되었습니다 ({action.OwnerDepartment}). 기한은 {action.DueOn:yyyy-MM-dd}입니다.",
                $"You are the owner of the action item '{action.Title}' ({action.OwnerDepartment}). It is due {action.DueOn:yyyy-MM-dd}.",
                link, ct);
        }
        else
        {
            await notifier.UserAsync(owner, email,
                $"기한이 지난 조치 과제: {action.Title}", $"Overdue action item: {action.Title}",
                $"조치 과제 '{action.Title}'의 기한({action.DueOn:yyyy-MM-dd})이 지났습니다. 진행 상황을 갱신하거나 기한을 조정해 주세요.",
                $"The action item '{action.Title}' was due {action.DueOn:yyyy-MM-dd}. Please update its progress or its due date.",
                link, ct);
        }
    }

    private async Task RequireUserAsync(Guid? userId, CancellationToken ct)
    {
        if (userId is { } id)
        {
            Require(await db.Users.AnyAsync(u => u.Id == id, ct), "Engagement.Error.NoSuchUser");
        }
    }

    private async Task<FieldOpinion> FindAsync(Guid id, CancellationToken ct)
    {
        var opinion = await db.FieldOpinions.SingleOrDefaultAsync(o => o.Id == id, ct);
        Require(opinion is not null, "Engagement.Error.NoSuchOpinion");
        return opinion!;
    }

    private async Task<ActionItem> FindActionAsync(Guid id, CancellationToken ct)
    {
        var action = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == id, ct);
        Require(action is not null, "Engagement.Error.NoSuchAction");
        return action!;
    }
}
