using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Compute;

/// <summary>What a tenant asks for.</summary>
public sealed record AllocationRequest(Guid ClusterId, Guid? PartitionId, int GpuHours, DateOnly StartsOn, DateOnly EndsOn,
    string? Justification);

/// <summary>What an operator grants: final hours and period, the Slurm account, the terms, and the award it comes from (if any).</summary>
public sealed record AllocationApproval(int GpuHours, DateOnly StartsOn, DateOnly EndsOn, string? SlurmAccount, Guid? PartitionId,
    string? Terms, Guid? AgreementId);

/// <summary>
/// The one service that changes allocations: loads, applies the entity's rule, saves, and tells who needs to know.
/// Accepting terms also re-matches jobs imported before the allocation existed (same account, inside the period) and
/// recomputes its usage. Expiry is <see cref="ExpireDueAsync"/>, run hourly by <see cref="ComputeExpiry"/>.
/// </summary>
public sealed class AllocationService(HubDb db, Notifier notifier, ComputeAlerts alerts, TimeProvider clock)
{
    public const string DefaultTerms =
        "1. 할당된 GPU 시간은 신청한 연구·개발 목적에만 사용합니다. / The GPU-hours are used only for the stated research and development purpose.\n" +
        "2. 계정은 기관 구성원만 사용하며 제3자에게 양도하거나 재판매하지 않습니다. / " +
        "Only members of the organization use the account; it is not transferred or resold.\n" +
        "3. 사용량은 Slurm 회계 기록으로 집계되며 할당량을 넘으면 작업이 제한될 수 있습니다. / " +
        "Usage is counted from Slurm accounting; beyond the allocation jobs may be limited.\n" +
        "4. 개인정보·민감정보를 처리할 때는 관련 법령과 허브의 보안 지침을 따릅니다. / " +
        "Personal and sensitive data are processed under the law and the hub's security guidelines.\n" +
        "5. 성과(논문·특허·제품)에 서울AI허브 GPU 지원을 표기합니다. / Outcomes (papers, patents, products) acknowledge the Seoul AI Hub GPU support.";

    public async Task<GpuAllocation> RequestAsync(Guid organizationId, AllocationRequest request, Guid by, CancellationToken ct = default)
    {
        var cluster = await ClusterAsync(request.ClusterId, ct);
        var allocation = GpuAllocation.Request(organizationId, cluster, request.PartitionId, request.GpuHours, request.StartsOn,
            request.EndsOn, request.Justification, Kst.Today(clock), by, clock.GetUtcNow());
        db.GpuAllocations.Add(allocation);
        await db.SaveChangesAsync(ct);
        return allocation;
    }

    public async Task ApproveAsync(Guid id, AllocationApproval approval, Guid by, CancellationToken ct = default)
    {
        var allocation = await LoadAsync(id, ct);
        var cluster = await ClusterAsync(allocation.ClusterId, ct);
        if (approval.AgreementId is { } agreementId)
        {
            var ofOrganization = await db.IsAgreementOfAsync(agreementId, allocation.OrganizationId, ct);
            Rule.Require(ofOrganization, "Compute.Error.Agreement");
        }

        var account = approval.SlurmAccount?.Trim();
        var start = GpuAllocation.KstMidnight(approval.StartsOn);
        var end = GpuAllocation.KstMidnight(approval.EndsOn.AddDays(1));
        var overlapping = await db.GpuAllocations.AsNoTracking().AnyAsync(a => a.Id != id && a.ClusterId == allocation.ClusterId &&
            a.SlurmAccount == account && a.PartitionId == approval.PartitionId && a.StartsAt < end && start < a.EndsBefore &&
            (a.Status == AllocationStatus.Approved || a.Status == AllocationStatus.Active || a.Status == AllocationStatus.Suspended), ct);
        Rule.Require(!overlapping, "Compute.Error.AccountOverlap", account ?? "");
        allocation.Approve(approval.GpuHours, approval.StartsOn, approval.EndsOn, account, approval.PartitionId, cluster, approval.Terms,
            approval.AgreementId, Kst.Today(clock), by, clock.GetUtcNow());
        await TellAsync(allocation, "GPU 할당 승인: 약관 동의가 필요합니다", "GPU allocation approved: please accept the terms",
            $"{allocation.GpuHours:N0} GPU시간, {allocation.StartsOn:yyyy-MM-dd} – {allocation.EndsOn:yyyy-MM-dd}. 약관에 동의하면 사용할 수 있습니다.",
            $"{allocation.GpuHours:N0} GPU-hours, {allocation.StartsOn:yyyy-MM-dd} – {allocation.EndsOn:yyyy-MM-dd}. It becomes usable " +
                "once the terms are accepted.", ct);
    }

    public async Task DeclineAsync(Guid id, string? reason, Guid by, CancellationToken ct = default)
    {
        var allocation = await LoadAsync(id, ct);
        allocation.Decline(reason, by, clock.GetUtcNow());
        await TellAsync(allocation, "GPU 할당 신청이 반려되었습니다", "GPU allocation request declined", allocation.Reason!, allocation.Reason!, ct);
    }

    public async Task SuspendAsync(Guid id, string? reason, Guid by, CancellationToken ct = default)
    {
        var allocation = await LoadAsync(id, ct);
        allocation.Suspend(reason, by, clock.GetUtcNow());
        await TellAsync(allocation, "GPU 할당이 일시 중지되었습니다", "GPU allocation suspended", allocation.Reason!, allocation.Reason!, ct);
    }

    public async Task ResumeAsync(Guid id, string? note, Guid by, CancellationToken ct = default)
    {
        var allocation = await LoadAsync(id, ct);
        allocation.Resume(note, Kst.Today(clock), by, clock.GetUtcNow());
        await TellAsync(allocation, "GPU 할당이 재개되었습니다", "GPU allocation resumed", note ?? "", note ?? "", ct);
    }

    /// <summary>The organization accepts the terms: active; jobs of its account already imported in the period now count.</summary>
    public async Task AcceptTermsAsync(Guid id, Guid by, CancellationToken ct = default)
    {
        var allocation = await LoadAsync(id, ct);
        allocation.AcceptTerms(Kst.Today(clock), by, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await RematchAsync(allocation, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Expires every allocation whose period is over; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var today = Kst.Today(clock);
        var due = await db.GpuAllocations
            .Where(a => a.EndsOn < today &&
                (a.Status == AllocationStatus.Approved || a.Status == AllocationStatus.Active || a.Status == AllocationStatus.Suspended))
            .ToListAsync(ct);
        foreach (var allocation in due)
        {
            allocation.Expire(today, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task RematchAsync(GpuAllocation a, CancellationToken ct)
    {
        var partition = a.PartitionId is { } pid ? await db.GpuPartitions.Where(p => p.Id == pid).Select(p => p.Name).SingleAsync(ct)
            : null;
        var jobs = db.GpuJobUsages.Where(u => u.ClusterId == a.ClusterId && u.Account == a.SlurmAccount && u.AllocationId == null &&
            u.StartedAt >= a.StartsAt && u.StartedAt < a.EndsBefore);
        if (partition is not null)
        {
            jobs = jobs.Where(u => u.Partition == partition);
        }

        if (await db.AuditedUpdateAsync(jobs, s => s.SetProperty(u => u.AllocationId, a.Id), $"jobs matched to allocation {a.Id}", ct) > 0)
        {
            await alerts.RecomputeAsync([a.Id], ct);
            await alerts.SendDueAsync([a.Id], ct);
        }
    }

    private async Task TellAsync(GpuAllocation allocation, string titleKo, string titleEn, string bodyKo, string bodyEn,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await notifier.OrganizationAsync(allocation.OrganizationId, titleKo, titleEn, bodyKo, bodyEn,
            $"/compute/allocations/{allocation.Id}", ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<GpuAllocation> LoadAsync(Guid id, CancellationToken ct) =>
        await db.GpuAllocations.SingleOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new RuleException("Compute.Error.NotFound");

    private async Task<GpuCluster> ClusterAsync(Guid id, CancellationToken ct) =>
        await db.GpuClusters.AsNoTracking().Include(c => c.Partitions).SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new RuleException("Compute.Error.NoCluster");
}
