using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// Keeps allocations' usage in step with their jobs and tells the organization and the operators (in the app and by
/// email) when usage reaches 80 % and 100 %, once each. Each alert is claimed by a conditional UPDATE of its "sent at"
/// mark, so two imports finishing at once send it once.
/// </summary>
public sealed class ComputeAlerts(HubDb db, Notifier notifier, TimeProvider clock)
{
    /// <summary>Sets each allocation's used GPU-seconds to the sum of its jobs (one UPDATE with a subquery).</summary>
    public Task<int> RecomputeAsync(IReadOnlyCollection<Guid> allocationIds, CancellationToken ct = default) =>
        allocationIds.Count == 0
            ? Task.FromResult(0)
            : db.AuditedUpdateAsync(db.GpuAllocations.Where(a => allocationIds.Contains(a.Id)),
                s => s.SetProperty(a => a.UsedGpuSeconds, a => db.GpuJobUsages.Where(u => u.AllocationId == a.Id).Sum(u => u.GpuSeconds)),
                "usage recomputed from jobs", ct);

    /// <summary>Sends the alerts now due for these allocations (inside the caller's transaction); returns how many.</summary>
    public async Task<int> SendDueAsync(IReadOnlyCollection<Guid> allocationIds, CancellationToken ct = default)
    {
        if (allocationIds.Count == 0)
        {
            return 0;
        }

        var candidates = await (
            from a in db.GpuAllocations.AsNoTracking()
            where allocationIds.Contains(a.Id)
            join c in db.GpuClusters on a.ClusterId equals c.Id
            join o in db.OrganizationInfos() on a.OrganizationId equals o.Id
            select new { a.Id, a.OrganizationId, a.GpuHours, a.UsedGpuSeconds, a.Alert80SentAt, a.Alert100SentAt, Cluster = c.Name,
                o.NameKo, o.NameEn })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var a in candidates)
        {
            var level = UsageAlerts.Due(a.UsedGpuSeconds, a.GpuHours, a.Alert80SentAt is not null, a.Alert100SentAt is not null);
            if (level == UsageAlert.None || !await ClaimAsync(a.Id, level, ct))
            {
                continue;
            }

            var share = a.UsedGpuSeconds / (a.GpuHours * 3600.0);
            db.AllocationEvents.Add(GpuAllocation.AlertEvent(a.Id, level, share, clock.GetUtcNow()));
            var mark = level == UsageAlert.Reached100 ? "100%" : "80%";
            var used = string.Create(CultureInfo.InvariantCulture, $"{a.UsedGpuSeconds / 3600.0:N1} / {a.GpuHours:N0}");
            var percent = string.Create(CultureInfo.InvariantCulture, $"{share * 100:0}%");
            var link = $"/compute/allocations/{a.Id}";
            await notifier.OrganizationAsync(a.OrganizationId,
                $"GPU 사용량 {mark} 도달: {a.Cluster}", $"GPU usage reached {mark}: {a.Cluster}",
                $"{a.Cluster} 할당의 사용량이 {percent}입니다 ({used} GPU시간).",
                $"The allocation on {a.Cluster} has used {percent} ({used} GPU-hours).", link, ct);
            foreach (var op in await OperatorsAsync(ct))
            {
                await notifier.UserAsync(op.Id, op.Email,
                    $"GPU 사용량 {mark} 도달: {a.NameKo}", $"GPU usage reached {mark}: {a.NameEn}",
                    $"{a.NameKo}의 {a.Cluster} 할당 사용량이 {percent}입니다 ({used} GPU시간).",
                    $"{a.NameEn}'s allocation on {a.Cluster} has used {percent} ({used} GPU-hours).", link, ct);
            }

            sent++;
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<bool> ClaimAsync(Guid id, UsageAlert level, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = level == UsageAlert.Reached100
            ? await db.AuditedUpdateAsync(db.GpuAllocations.Where(a => a.Id == id && a.Alert100SentAt == null),
                s => s.SetProperty(a => a.Alert100SentAt, now).SetProperty(a => a.Alert80SentAt, a => a.Alert80SentAt ?? now),
                "100% usage alert claimed", id.ToString(), ct)
            : await db.AuditedUpdateAsync(db.GpuAllocations.Where(a => a.Id == id && a.Alert80SentAt == null && a.Alert100SentAt == null),
                s => s.SetProperty(a => a.Alert80SentAt, now), "80% usage alert claimed", id.ToString(), ct);
        return claimed == 1;
    }

    private List<(Guid Id, string? Email)>? operators;

    private async Task<List<(Guid Id, string? Email)>> OperatorsAsync(CancellationToken ct)
    {
        if (operators is null)
        {
            var rows = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == HubRoles.Operator
                select new { u.Id, u.Email }).ToListAsync(ct);
            operators = rows.Select(r => (r.Id, (string?)r.Email)).ToList();
        }

        return operators;
    }
}
