using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement.Opinions;

/// <summary>
/// 조치 과제 — every action item, soonest due first: what for (the opinion), who, by when, where it stands, and
/// whether it is overdue (in words, not only in colour). Operators and overseers; the items are worked on their
/// opinion's page.
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class ActionsModel(HubDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ActionRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + EngagementForms.PageSize - 1) / EngagementForms.PageSize);
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Kst.Today(clock);
        var today = Today;
        var query = db.ActionItems.AsNoTracking();
        if (FormValue.Enum<ActionStatus>(Status, ignoreCase: false) is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Overdue)
        {
            query = query.Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn < today);
        }

        if (Mine)
        {
            var me = User.UserId();
            query = query.Where(a => a.OwnerUserId == me);
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await query
            .OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt)
            .Skip((PageNumber - 1) * EngagementForms.PageSize).Take(EngagementForms.PageSize)
            .Select(a => new
            {
                a.Id, a.OpinionId, a.Title, a.OwnerDepartment, a.OwnerUserId, a.DueOn, a.Status, a.Resolution,
                Opinion = db.FieldOpinions.Where(o => o.Id == a.OpinionId).Select(o => o.Text).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Rows = rows.Select(r => new ActionRow(r.Id, r.OpinionId, r.Title, EngagementForms.Excerpt(r.Opinion ?? "", 60),
            r.OwnerDepartment, r.Owner, r.DueOn, r.Status, r.Resolution, r.Status is ActionStatus.Open or ActionStatus.InProgress &&
                r.DueOn < today)).ToList();
    }

    public string Link(int? page = null, string? status = null, bool? overdue = null, bool? mine = null)
    {
        var pairs = new List<string>();
        var s = status ?? Status;
        if (!string.IsNullOrWhiteSpace(s))
        {
            pairs.Add("status=" + Uri.EscapeDataString(s));
        }

        if (overdue ?? Overdue)
        {
            pairs.Add("overdue=true");
        }

        if (mine ?? Mine)
        {
            pairs.Add("mine=true");
        }

        if (page is { } p)
        {
            pairs.Add("page=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/engagement/actions" + (pairs.Count > 0 ? "?" + string.Join("&", pairs) : "");
    }
}

public sealed record ActionRow(Guid Id, Guid OpinionId, string Title, string Opinion, string Department, string? Owner, DateOnly DueOn,
    ActionStatus Status, string? Resolution, bool Overdue);
