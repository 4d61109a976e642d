using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement;

/// <summary>Where an opinion's follow-up stands, as the "you said, we did" report shows it.</summary>
public enum FollowUpStage
{
    /// <summary>Neither answered nor any action yet.</summary>
    Waiting,

    /// <summary>Answered, no action item.</summary>
    Answered,

    /// <summary>At least one action item still open or in progress.</summary>
    Underway,

    /// <summary>Action items exist and all are done or declined.</summary>
    Completed,
}

public sealed record ActionLine(Guid Id, string Title, string Department, string? OwnerName, DateOnly DueOn, ActionStatus Status,
    string? Resolution, DateOnly? ClosedOn, bool Overdue);

/// <summary>An opinion merged into a reported one: shown under it, so that who raised it can find its follow-up.</summary>
public sealed record MergedLine(Guid Id, DateOnly SaidOn, string? OrganizationKo, string? OrganizationEn, string Text);

public sealed record OpinionLine(Guid Id, DateOnly SaidOn, OpinionSource Source, Guid? VisitId, string? VisitTitle,
    Guid? OrganizationId, string? OrganizationKo, string? OrganizationEn, string? Speaker, string Text, OpinionCategory Category,
    OpinionVisibility Visibility, string? Answer, IReadOnlyList<MergedLine> Merged, IReadOnlyList<ActionLine> Actions)
{
    public FollowUpStage Stage =>
        Actions.Count > 0 ? (Actions.All(a => a.Status is ActionStatus.Done or ActionStatus.Declined) ? FollowUpStage.Completed : FollowUpStage.Underway)
        : Answer is not null ? FollowUpStage.Answered : FollowUpStage.Waiting;

    public string? Organization(bool english) => english ? OrganizationEn : OrganizationKo;
}

/// <summary>
/// "You said, we did" (말씀하신 것, 저희가 한 일) for a visit or a period: each opinion heard, its answer, and its action
/// items with their status. An opinion merged into another is reported under the one that stayed (also when that one
/// was heard elsewhere), so that every opinion in scope leads to its follow-up. <see cref="OpinionLine.Stage"/>
/// summarizes each.
/// </summary>
public sealed record FollowUpReport(IReadOnlyList<OpinionLine> Opinions)
{
    public int Count(FollowUpStage stage) => Opinions.Count(o => o.Stage == stage);

    public int ActionCount(ActionStatus status) => Opinions.Sum(o => o.Actions.Count(a => a.Status == status));

    public int Overdue => Opinions.Sum(o => o.Actions.Count(a => a.Overdue));
}

/// <summary>Builds <see cref="FollowUpReport"/>s. With <c>publicOnly</c> (the public page) only public opinions are in,
/// without the speaker or the owner's name (personal data), and merged internal opinions are left out.</summary>
public sealed class FollowUpReports(HubDb db, TimeProvider clock)
{
    public Task<FollowUpReport> ForVisitAsync(Guid visitId, bool publicOnly, CancellationToken ct = default) =>
        BuildAsync(db.FieldOpinions.Where(o => o.VisitId == visitId), publicOnly, ct);

    public Task<FollowUpReport> ForPeriodAsync(DateOnly from, DateOnly to, bool publicOnly, CancellationToken ct = default) =>
        BuildAsync(db.FieldOpinions.Where(o => o.SaidOn >= from && o.SaidOn <= to), publicOnly, ct);

    /// <summary>Opinions raised by these organizations whose follow-up is not completed (for the briefing pack).</summary>
    public async Task<FollowUpReport> OpenForOrganizationsAsync(IReadOnlyCollection<Guid> organizations, CancellationToken ct = default)
    {
        var report = await BuildAsync(db.FieldOpinions.Where(o => o.SourceOrganizationId != null && organizations.Contains(o.SourceOrganizationId.Value)), false, ct);
        return new FollowUpReport(report.Opinions.Where(o => o.Stage != FollowUpStage.Completed).ToList());
    }

    private async Task<FollowUpReport> BuildAsync(IQueryable<FieldOpinion> scope, bool publicOnly, CancellationToken ct)
    {
        var today = Kst.Today(clock);
        var rootIds = await scope.AsNoTracking().Select(o => o.MergedIntoId ?? o.Id).Distinct().ToListAsync(ct);
        var roots = await db.FieldOpinions.AsNoTracking()
            .Where(o => rootIds.Contains(o.Id) && (!publicOnly || o.Visibility == OpinionVisibility.Public))
            .OrderBy(o => o.SaidOn).ThenBy(o => o.CreatedAt)
            .Select(o => new
            {
                o.Id, o.SaidOn, o.Source, o.VisitId, o.SourceOrganizationId, OrgKo = o.SourceOrganization!.NameKo, OrgEn = o.SourceOrganization!.NameEn,
                o.Speaker, o.Text, o.Category, o.Visibility, o.Answer,
            })
            .ToListAsync(ct);
        var ids = roots.Select(r => r.Id).ToList();
        var merged = (await db.FieldOpinions.AsNoTracking()
                .Where(o => o.MergedIntoId != null && ids.Contains(o.MergedIntoId.Value) && (!publicOnly || o.Visibility == OpinionVisibility.Public))
                .OrderBy(o => o.SaidOn)
                .Select(o => new { Root = o.MergedIntoId!.Value, Line = new MergedLine(o.Id, o.SaidOn, o.SourceOrganization!.NameKo, o.SourceOrganization!.NameEn, o.Text) })
                .ToListAsync(ct))
            .ToLookup(m => m.Root, m => m.Line);
        var actions = (await db.ActionItems.AsNoTracking()
                .Where(a => ids.Contains(a.OpinionId))
                .OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt)
                .Select(a => new
                {
                    a.OpinionId, a.Id, a.Title, a.OwnerDepartment, a.OwnerUserId, a.DueOn, a.Status, a.Resolution, a.ClosedOn,
                    Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(ct))
            .ToLookup(a => a.OpinionId, a => new ActionLine(a.Id, a.Title, a.OwnerDepartment, publicOnly ? null : a.Owner, a.DueOn, a.Status,
                a.Resolution, a.ClosedOn, a.Status is ActionStatus.Open or ActionStatus.InProgress && a.DueOn < today));
        var visitIds = roots.Where(r => r.VisitId != null).Select(r => r.VisitId!.Value).Distinct().ToList();
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Title, ct);
        return new FollowUpReport(roots.Select(r => new OpinionLine(r.Id, r.SaidOn, r.Source, r.VisitId,
                r.VisitId is { } v ? visits.GetValueOrDefault(v) : null, r.SourceOrganizationId, r.OrgKo, r.OrgEn,
                publicOnly ? null : r.Speaker, r.Text, r.Category, r.Visibility, r.Answer, merged[r.Id].ToList(), actions[r.Id].ToList()))
            .ToList());
    }
}
