using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>
/// 성과 보고 — the KPI reports asked of the person's organizations: those of open campaigns first, then the history.
/// Operators are pointed to the campaigns, overseers to the figures.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TasksModel(HubDb db) : PageModel
{
    public sealed record Row(Guid TaskId, string CampaignKo, string CampaignEn, ReportingPeriod Period, DateOnly DueOn,
        CampaignStatus CampaignStatus, string OrganizationKo, string OrganizationEn, KpiTaskStatus Status, DateTimeOffset? SubmittedAt);

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> History { get; private set; } = [];
    public bool IsOperator => User.IsInRole(HubRoles.Operator);
    public bool IsOverseer => User.IsInRole(HubRoles.Overseer);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } userId)
        {
            return;
        }

        var organizations = db.ActiveOrganizationIdsOf(userId);
        var rows = (await db.KpiTasks.AsNoTracking().Where(k => organizations.Contains(k.OrganizationId))
                .Join(db.KpiCampaigns, k => k.CampaignId, c => c.Id, (k, c) => new
                {
                    k.Id, c.NameKo, c.NameEn, c.PeriodEndMonth, c.PeriodMonths, c.DueOn, CampaignStatus = c.Status,
                    OrganizationKo = k.Organization.NameKo, OrganizationEn = k.Organization.NameEn, k.Status, k.SubmittedAt,
                })
                .OrderByDescending(x => x.PeriodEndMonth).ThenBy(x => x.OrganizationKo).Take(1000).ToListAsync(ct))
            .Select(x => new Row(x.Id, x.NameKo, x.NameEn, ReportingPeriod.FromStored(x.PeriodEndMonth, x.PeriodMonths),
                x.DueOn, x.CampaignStatus, x.OrganizationKo, x.OrganizationEn, x.Status, x.SubmittedAt))
            .ToList();
        Open = [.. rows.Where(r => r.CampaignStatus == CampaignStatus.Open).OrderBy(r => r.DueOn)];
        History = [.. rows.Where(r => r.CampaignStatus != CampaignStatus.Open)];
    }
}
