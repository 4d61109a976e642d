using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes.Collection;

/// <summary>성과 조사 목록 — every campaign with its period, target, deadline, status and how far reporting has come.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class CampaignsModel(HubDb db) : PageModel
{
    public IReadOnlyList<KpiCampaign> Campaigns { get; private set; } = [];

    /// <summary>Tasks of each campaign by status.</summary>
    public IReadOnlyDictionary<Guid, Dictionary<KpiTaskStatus, int>> Progress { get; private set; } =
        new Dictionary<Guid, Dictionary<KpiTaskStatus, int>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campaigns = await db.KpiCampaigns.AsNoTracking()
            .OrderBy(c => c.Status).ThenByDescending(c => c.PeriodEndMonth).ThenByDescending(c => c.OpenedAt).Take(500).ToListAsync(ct);
        var ids = Campaigns.Select(c => c.Id).ToList();
        Progress = (await db.KpiTasks.AsNoTracking().Where(t => ids.Contains(t.CampaignId))
                .GroupBy(t => new { t.CampaignId, t.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .GroupBy(x => x.CampaignId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Status, x => x.Count));
    }
}
