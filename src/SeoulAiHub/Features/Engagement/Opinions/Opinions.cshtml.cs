using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Engagement.Opinions;

/// <summary>
/// 현장 의견 목록 — the opinions the person may read (everything for operators and overseers; public ones and the own
/// organization's for members), newest first, with filters. The follow-up stage is computed in SQL from the answer
/// and the action items, so that filtering by it pages correctly. Unknown filter values are ignored, not an error.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OpinionsModel(HubDb db, EngagementAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Visit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organization { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Merged { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OpinionRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + EngagementForms.PageSize - 1) / EngagementForms.PageSize);
    public bool CanSubmit { get; private set; }
    public bool SeesAll { get; private set; }
    public IReadOnlyList<(Guid Id, string Title, DateOnly Date)> Visits { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SeesAll = EngagementAccess.SeesAll(User);
        var own = await access.OrganizationsOfAsync(User, ct);
        CanSubmit = EngagementAccess.Manages(User) || own.Count > 0;
        var query = await access.VisibleAsync(db.FieldOpinions.AsNoTracking(), User, ct);

        if (!Merged && FormValue.Enum<OpinionStatus>(Status, ignoreCase: false) != OpinionStatus.Merged)
        {
            query = query.Where(o => o.Status != OpinionStatus.Merged);
        }

        if (FormValue.Enum<OpinionCategory>(Category, ignoreCase: false) is { } category && FieldOpinion.Categories.Contains(category))
        {
            query = query.Where(o => (o.Category & category) != 0);
        }

        if (FormValue.Enum<OpinionStatus>(Status, ignoreCase: false) is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (FormValue.Enum<OpinionSource>(Source, ignoreCase: false) is { } source)
        {
            query = query.Where(o => o.Source == source);
        }

        // Visits are the office's business: only those who see all filter by them (members would learn nothing but ids).
        if (SeesAll && FormValue.Id(Visit) is { } visitId)
        {
            query = query.Where(o => o.VisitId == visitId);
        }

        if (FormValue.Id(Organization) is { } organizationId)
        {
            query = query.Where(o => o.SourceOrganizationId == organizationId);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(o => o.Text.Contains(q) || (o.Speaker != null && o.Speaker.Contains(q)));
        }

        query = FormValue.Enum<FollowUpStage>(Stage, ignoreCase: false) switch
        {
            FollowUpStage.Waiting => query.Where(o => o.Status != OpinionStatus.Merged && o.Answer == null &&
                !db.ActionItems.Any(a => a.OpinionId == o.Id)),
            FollowUpStage.Answered => query.Where(o => o.Status != OpinionStatus.Merged && o.Answer != null &&
                !db.ActionItems.Any(a => a.OpinionId == o.Id)),
            FollowUpStage.Underway => query.Where(o => o.Status != OpinionStatus.Merged &&
                db.ActionItems.Any(a => a.OpinionId == o.Id && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))),
            FollowUpStage.Completed => query.Where(o => o.Status != OpinionStatus.Merged && db.ActionItems.Any(a => a.OpinionId == o.Id) &&
                !db.ActionItems.Any(a => a.OpinionId == o.Id && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))),
            _ => query,
        };

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await query
            .OrderByDescending(o => o.SaidOn).ThenByDescending(o => o.CreatedAt)
            .Skip((PageNumber - 1) * EngagementForms.PageSize).Take(EngagementForms.PageSize)
            .Select(o => new
            {
                o.Id, o.SaidOn, o.Source, o.SourceOrganizationId, OrgKo = o.SourceOrganization!.NameKo,
                OrgEn = o.SourceOrganization!.NameEn, o.Text, o.Category, o.Visibility, o.Status, HasAnswer = o.Answer != null,
                Actions = db.ActionItems.Count(a => a.OpinionId == o.Id),
                Unfinished = db.ActionItems.Count(a => a.OpinionId == o.Id && (a.Status == ActionStatus.Open ||
                    a.Status == ActionStatus.InProgress)),
            })
            .ToListAsync(ct);
        Rows = rows.Select(r => new OpinionRow(r.Id, r.SaidOn, r.Source, r.OrgKo, r.OrgEn, EngagementForms.Excerpt(r.Text),
            r.Category, r.Visibility, r.Status, StageOf(r.Status, r.HasAnswer, r.Actions, r.Unfinished), r.Actions)).ToList();

        if (SeesAll)
        {
            Visits = (await db.Visits.AsNoTracking().OrderByDescending(v => v.Date).Take(200)
                .Select(v => new { v.Id, v.Title, v.Date }).ToListAsync(ct))
                .Select(v => (v.Id, v.Title, v.Date)).ToList();
        }

        var english = Platform.Localization.HubCulture.IsEnglish;
        var organizations = db.OrganizationInfos();
        if (!SeesAll)
        {
            // A member filters among organizations whose opinions they may see at all: those with public opinions, and their own.
            organizations = organizations.Where(g => own.Contains(g.Id) ||
                db.FieldOpinions.Any(o => o.SourceOrganizationId == g.Id && o.Visibility == OpinionVisibility.Public));
        }
        else
        {
            organizations = organizations.Where(g => db.FieldOpinions.Any(o => o.SourceOrganizationId == g.Id));
        }

        Organizations = (await organizations.Select(g => new { g.Id, g.NameKo, g.NameEn }).ToListAsync(ct))
            .Select(g => (g.Id, english ? g.NameEn : g.NameKo)).OrderBy(g => g.Item2, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The same stages as <see cref="OpinionLine.Stage"/>; a merged opinion has none of its own (null).</summary>
    public static FollowUpStage? StageOf(OpinionStatus status, bool answered, int actions, int unfinished) =>
        status == OpinionStatus.Merged ? null
        : actions > 0 ? (unfinished > 0 ? FollowUpStage.Underway : FollowUpStage.Completed)
        : answered ? FollowUpStage.Answered : FollowUpStage.Waiting;

    /// <summary>This list's address with one filter changed (and back to page 1 unless the page is what changes).</summary>
    public string Link(int? page = null)
    {
        var pairs = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("category", Category);
        Add("status", Status);
        Add("stage", Stage);
        Add("source", Source);
        Add("visit", Visit);
        Add("organization", Organization);
        Add("q", Q);
        Add("merged", Merged ? "true" : null);
        Add("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/engagement/opinions" + (pairs.Count > 0 ? "?" + string.Join("&", pairs) : "");
    }
}

public sealed record OpinionRow(Guid Id, DateOnly SaidOn, OpinionSource Source, string? OrganizationKo,
    string? OrganizationEn, string Excerpt, OpinionCategory Category, OpinionVisibility Visibility, OpinionStatus Status,
    FollowUpStage? Stage, int Actions)
{
    public string? Organization(bool english) => english ? OrganizationEn : OrganizationKo;
}
