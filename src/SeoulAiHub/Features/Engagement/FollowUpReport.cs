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
    public FollowUpStage Stage => StageOf([.. Actions.Select(a => a.Status)], Answer is not null);

    public static FollowUpStage StageOf(IReadOnlyCollection<ActionStatus> actions, bool answered) =>
        actions.Count > 0
            ? (actions.All(a => a is ActionStatus.Done or ActionStatus.Declined) ? FollowUpStage.Completed : FollowUpStage.Underway)
            : answered ? FollowUpStage.Answered : FollowUpStage.Waiting;

    public string? Organization(bool english) => english ? OrganizationEn : OrganizationKo;
}

/// <summary>The figures of a whole report (all its opinions, not only the page shown).</summary>
public sealed record FollowUpSummary(int Opinions, IReadOnlyDictionary<FollowUpStage, int> Stages,
    IReadOnlyDictionary<ActionStatus, int> Actions, int Overdue,
    IReadOnlyList<(OpinionCategory Category, int Opinions, int Completed)> ByCategory)
{
    /// <summary>Counts opinions by stage and by category (one with two categories counts in both), and action items by status.</summary>
    public static FollowUpSummary Of(IReadOnlyCollection<(OpinionCategory Category, FollowUpStage Stage)> opinions,
        IReadOnlyCollection<(ActionStatus Status, bool Overdue)> actions) => new(
        opinions.Count,
        opinions.GroupBy(o => o.Stage).ToDictionary(g => g.Key, g => g.Count()),
        actions.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
        actions.Count(a => a.Overdue),
        [.. FieldOpinion.Categories
            .Select(c => (c, opinions.Count(o => o.Category.HasFlag(c)), opinions.Count(o => o.Category.HasFlag(c) &&
                o.Stage == FollowUpStage.Completed)))
            .Where(row => row.Item2 > 0)]);
}

/// <summary>Which page of a long report to show (1-based); <see cref="All"/> is the whole report, e.g. for printing.</summary>
public sealed record ReportPage(int Number, int Size)
{
    public const int DefaultSize = 30;

    public static readonly ReportPage All = new(1, int.MaxValue);

    /// <summary>The page asked for in a query string; anything unreadable or below one is the first page.</summary>
    public static ReportPage Of(string? number, int size = DefaultSize) =>
        new(int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) &&
            n >= 1 ? n : 1, size);
}

/// <summary>
/// "You said, we did" (말씀하신 것, 저희가 한 일) for a visit or a period: each opinion heard, its answer, and its action
/// items with their status. An opinion merged into another is reported under the one that stayed (also when that one
/// was heard elsewhere), so that every opinion in scope leads to its follow-up. <see cref="OpinionLine.Stage"/>
/// summarizes each. <see cref="Opinions"/> holds the lines of one page; <see cref="Summary"/> counts them all.
/// </summary>
public sealed record FollowUpReport(IReadOnlyList<OpinionLine> Opinions, FollowUpSummary Summary, int Page, int PageCount, int FirstNumber)
{
    public int Count(FollowUpStage stage) => Summary.Stages.GetValueOrDefault(stage);

    public int ActionCount(ActionStatus status) => Summary.Actions.GetValueOrDefault(status);

    public int Overdue => Summary.Overdue;
}

/// <summary>Builds <see cref="FollowUpReport"/>s. With <c>publicOnly</c> (the public page) only public opinions are in,
/// without the speaker or the owner's name (personal data), and merged internal opinions are left out.</summary>
/// <remarks>
/// Two passes: the whole scope is read thin (ids, dates, categories, answered or not, action statuses) for the summary
/// and the paging, and only the lines shown are read in full. A year of a busy hub is thousands of opinions; the page
/// and its figures must not cost the whole year's text.
/// </remarks>
public sealed class FollowUpReports(HubDb db, TimeProvider clock)
{
    /// <summary>Open opinions listed per organization in a briefing; the rest are counted.</summary>
    public const int BriefingOpinionsPerOrganization = 10;

    public Task<FollowUpReport> ForVisitAsync(Guid visitId, bool publicOnly, CancellationToken ct = default) =>
        BuildAsync(db.FieldOpinions.Where(o => o.VisitId == visitId), publicOnly, openOnly: false,
            roots => Page(roots, ReportPage.All), ct);

    public Task<FollowUpReport> ForPeriodAsync(DateOnly from, DateOnly to, bool publicOnly, CancellationToken ct = default) =>
        ForPeriodAsync(from, to, publicOnly, ReportPage.All, ct);

    public Task<FollowUpReport> ForPeriodAsync(DateOnly from, DateOnly to, bool publicOnly, ReportPage page,
        CancellationToken ct = default) =>
        BuildAsync(db.FieldOpinions.Where(o => o.SaidOn >= from && o.SaidOn <= to), publicOnly, openOnly: false,
            roots => Page(roots, page), ct);

    /// <summary>
    /// Opinions raised by these organizations whose follow-up is not completed (for the briefing pack): the newest
    /// <see cref="BriefingOpinionsPerOrganization"/> of each in full; <see cref="FollowUpSummary"/> is not per
    /// organization, so the counts per organization come beside it.
    /// </summary>
    public async Task<(FollowUpReport Report, IReadOnlyDictionary<Guid, int> OpenPerOrganization)> OpenForOrganizationsAsync(
        IReadOnlyCollection<Guid> organizations, CancellationToken ct = default)
    {
        var perOrganization = new Dictionary<Guid, int>();
        var report = await BuildAsync(
            db.FieldOpinions.Where(o => o.SourceOrganizationId != null && organizations.Contains(o.SourceOrganizationId.Value)),
            false, openOnly: true, roots =>
            {
                var chosen = new List<ThinOpinion>();
                foreach (var group in roots.GroupBy(r => r.OrganizationId))
                {
                    perOrganization[group.Key ?? Guid.Empty] = group.Count();
                    chosen.AddRange(group.OrderByDescending(r => r.SaidOn).Take(BriefingOpinionsPerOrganization));
                }

                return (chosen.OrderBy(r => r.SaidOn).ThenBy(r => r.CreatedAt).ToList(), 1, 1, 1);
            }, ct);
        return (report, perOrganization);
    }

    /// <summary>An opinion of the scope as the summary and the paging need it.</summary>
    private sealed record ThinOpinion(Guid Id, DateOnly SaidOn, DateTimeOffset CreatedAt, Guid? OrganizationId, OpinionCategory Category,
        FollowUpStage Stage);

    private static (List<ThinOpinion> Shown, int Page, int PageCount, int FirstNumber) Page(List<ThinOpinion> roots, ReportPage page)
    {
        if (page.Size == int.MaxValue)
        {
            return (roots, 1, 1, 1);
        }

        var pageCount = Math.Max(1, (roots.Count + page.Size - 1) / page.Size);
        var number = Math.Min(page.Number, pageCount);
        return (roots.Skip((number - 1) * page.Size).Take(page.Size).ToList(), number, pageCount, (number - 1) * page.Size + 1);
    }

    private async Task<FollowUpReport> BuildAsync(IQueryable<FieldOpinion> scope, bool publicOnly, bool openOnly,
        Func<List<ThinOpinion>, (List<ThinOpinion> Shown, int Page, int PageCount, int FirstNumber)> choose, CancellationToken ct)
    {
        var today = Kst.Today(clock);
        var rootIds = scope.Select(o => o.MergedIntoId ?? o.Id);
        var thin = await db.FieldOpinions.AsNoTracking()
            .Where(o => rootIds.Contains(o.Id) && (!publicOnly || o.Visibility == OpinionVisibility.Public))
            .OrderBy(o => o.SaidOn).ThenBy(o => o.CreatedAt)
            .Select(o => new { o.Id, o.SaidOn, o.CreatedAt, o.SourceOrganizationId, o.Category, Answered = o.Answer != null })
            .ToListAsync(ct);
        var statuses = (await db.ActionItems.AsNoTracking()
                .Where(a => rootIds.Contains(a.OpinionId))
                .Select(a => new { a.OpinionId, a.Status, a.DueOn })
                .ToListAsync(ct))
            .ToLookup(a => a.OpinionId);
        var roots = thin.Select(o => new ThinOpinion(o.Id, o.SaidOn, o.CreatedAt, o.SourceOrganizationId, o.Category,
                OpinionLine.StageOf([.. statuses[o.Id].Select(a => a.Status)], o.Answered)))
            .Where(o => !openOnly || o.Stage != FollowUpStage.Completed)
            .ToList();
        var actionsInScope = roots.SelectMany(r => statuses[r.Id]).ToList();
        var summary = FollowUpSummary.Of([.. roots.Select(r => (r.Category, r.Stage))],
            [.. actionsInScope.Select(a => (a.Status, IsOverdue(a.Status, a.DueOn, today)))]);

        var (shown, page, pageCount, firstNumber) = choose(roots);
        var lines = await LinesAsync(shown.Select(r => r.Id).ToList(), publicOnly, today, ct);
        return new FollowUpReport(shown.Select(r => lines[r.Id]).ToList(), summary, page, pageCount, firstNumber);
    }

    private static bool IsOverdue(ActionStatus status, DateOnly dueOn, DateOnly today) =>
        status is ActionStatus.Open or ActionStatus.InProgress && dueOn < today;

    /// <summary>The shown opinions in full: text, answer, merged duplicates, actions with owners, visit titles.</summary>
    private async Task<Dictionary<Guid, OpinionLine>> LinesAsync(List<Guid> ids, bool publicOnly, DateOnly today, CancellationToken ct)
    {
        var roots = await db.FieldOpinions.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.SaidOn, o.Source, o.VisitId, o.SourceOrganizationId, OrgKo = o.SourceOrganization!.NameKo,
                OrgEn = o.SourceOrganization!.NameEn, o.Speaker, o.Text, o.Category, o.Visibility, o.Answer,
            })
            .ToListAsync(ct);
        var merged = (await db.FieldOpinions.AsNoTracking()
                .Where(o => o.MergedIntoId != null && ids.Contains(o.MergedIntoId.Value) &&
                    (!publicOnly || o.Visibility == OpinionVisibility.Public))
                .OrderBy(o => o.SaidOn)
                .Select(o => new { Root = o.MergedIntoId!.Value, Line = new MergedLine(o.Id, o.SaidOn, o.SourceOrganization!.NameKo,
                    o.SourceOrganization!.NameEn, o.Text) })
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
            .ToLookup(a => a.OpinionId, a => new ActionLine(a.Id, a.Title, a.OwnerDepartment,
                publicOnly ? null : a.Owner, a.DueOn, a.Status, a.Resolution, a.ClosedOn, IsOverdue(a.Status, a.DueOn, today)));
        var visitIds = roots.Where(r => r.VisitId != null).Select(r => r.VisitId!.Value).Distinct().ToList();
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Title, ct);
        return roots.ToDictionary(r => r.Id, r => new OpinionLine(r.Id, r.SaidOn, r.Source, r.VisitId,
            r.VisitId is { } v ? visits.GetValueOrDefault(v) : null, r.SourceOrganizationId, r.OrgKo, r.OrgEn,
            publicOnly ? null : r.Speaker, r.Text, r.Category, r.Visibility, r.Answer, merged[r.Id].ToList(), actions[r.Id].ToList()));
    }
}
