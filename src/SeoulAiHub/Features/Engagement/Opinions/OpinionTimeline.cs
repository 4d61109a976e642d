using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Engagement.Opinions;

/// <summary>Whose entry a history line is: the opinion itself, one merged into it, or one of its action items.</summary>
public enum TimelineSubject
{
    Opinion,
    MergedOpinion,
    Action,
}

/// <summary>One line of an opinion's combined history. <see cref="SubjectId"/> is the merged opinion or the action.</summary>
public sealed record TimelineEntry(DateTimeOffset At, Guid By, TimelineSubject Subject, Guid SubjectId, string SubjectLabel,
    OpinionEventKind? OpinionKind, ActionEventKind? ActionKind, ActionStatus? From, ActionStatus? To, string? Detail, Guid? RelatedId);

/// <summary>
/// The history an opinion's page shows: its own events, the events of the opinions merged into it (both histories
/// survive a merge; only those the reader may read), and the events of its action items — oldest first, so it reads
/// as a story.
/// </summary>
public static class OpinionTimeline
{
    public static async Task<List<TimelineEntry>> ForAsync(HubDb db, FieldOpinion opinion, IReadOnlyCollection<FieldOpinion> mergedIn,
        IReadOnlyCollection<ActionItem> actions, CancellationToken ct)
    {
        var opinionIds = mergedIn.Select(m => m.Id).Append(opinion.Id).ToList();
        var opinionEvents = await db.OpinionEvents.AsNoTracking().Where(e => opinionIds.Contains(e.OpinionId)).ToListAsync(ct);
        var actionIds = actions.Select(a => a.Id).ToList();
        var actionEvents = await db.ActionEvents.AsNoTracking().Where(e => actionIds.Contains(e.ActionId)).ToListAsync(ct);
        var merged = mergedIn.ToDictionary(m => m.Id);
        var titles = actions.ToDictionary(a => a.Id, a => a.Title);

        var entries = opinionEvents.Select(e => new TimelineEntry(e.At, e.By,
                e.OpinionId == opinion.Id ? TimelineSubject.Opinion : TimelineSubject.MergedOpinion, e.OpinionId,
                e.OpinionId == opinion.Id ? ""
                    : $"{EngagementForms.Iso(merged[e.OpinionId].SaidOn)} · {EngagementForms.Excerpt(merged[e.OpinionId].Text, 40)}",
                e.Kind, null, null, null, e.Detail, e.RelatedId))
            .Concat(actionEvents.Select(e => new TimelineEntry(e.At, e.By, TimelineSubject.Action, e.ActionId, titles[e.ActionId],
                null, e.Kind, e.From, e.To, e.Note, null)));

        // Events written in one operation share their time: the opinion's line first, then its action's.
        return entries.OrderBy(e => e.At).ThenBy(e => e.Subject == TimelineSubject.Action ? 1 : 0).ToList();
    }
}
