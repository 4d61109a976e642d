using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>What an operator fills in to open a campaign; empty KPI list means every active KPI.</summary>
public sealed record CampaignInput(
    string NameKo,
    string NameEn,
    ReportingPeriod Period,
    DateOnly DueOn,
    CampaignTarget Target,
    Guid? ProgramId,
    IReadOnlyCollection<Guid> OrganizationIds,
    IReadOnlyCollection<Guid> KpiIds);

/// <summary>
/// The campaign lifecycle: open (one task per organization asked), draft and submit, review value by value, lock.
/// Locking writes the facts and rollups in the same transaction as the status, so figures are official all at once.
/// Callers check who may act (<see cref="OutcomeAccess"/>); the rules of the steps live on the entities.
/// </summary>
public sealed class CampaignService(HubDb db, OutcomeRollups rollups, Notifier notifier, AuditLog audit, EvidenceStore evidenceFiles,
    TimeProvider clock)
{
    /// <summary>The PostgreSQL advisory lock key that serializes campaign openings ("KPI1" in ASCII).</summary>
    private const long OpeningLock = 0x4B504931;

    public async Task<KpiCampaign> OpenAsync(CampaignInput input, Guid by, CancellationToken ct = default)
    {
        var organizations = input.Target switch
        {
            CampaignTarget.Residents => await db.OrganizationInfos().Where(o => o.TenancyStatus == TenancyStatus.Resident)
                .Select(o => o.Id).ToListAsync(ct),
            CampaignTarget.ProgramAwardees => await db.Applications
                .Where(a => a.Call.ProgramId == input.ProgramId && OutcomeRollups.Awarded.Contains(a.Status))
                .Select(a => a.OrganizationId).Distinct().ToListAsync(ct),
            _ => await db.OrganizationInfos().Where(o => input.OrganizationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct),
        };
        var kpis = input.KpiIds.Count > 0
            ? await db.KpiDefinitions.Where(k => k.Active && input.KpiIds.Contains(k.Id)).OrderBy(k => k.SortOrder)
                .Select(k => k.Id).ToListAsync(ct)
            : await db.KpiDefinitions.Where(k => k.Active).OrderBy(k => k.SortOrder).Select(k => k.Id).ToListAsync(ct);

        // An organization reports a period once: a second campaign overlapping in time and organizations would count it
        // twice in every flow. Openings are serialized so two operators opening overlapping campaigns at the same moment
        // cannot both pass the check: SQLite's transaction takes the write lock at its start (BEGIN IMMEDIATE), and on
        // PostgreSQL a transaction-scoped advisory lock does the same for openings only.
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({OpeningLock})", ct);
        }

        await RequireNoOverlapAsync(input.Period, organizations, ct);
        var campaign = KpiCampaign.Open(input.NameKo, input.NameEn, input.Period, input.DueOn, input.Target, input.ProgramId,
            kpis, organizations, Kst.Today(clock), by, now);
        db.KpiCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await audit.EventAsync("outcomes.campaign.opened", nameof(KpiCampaign), campaign.Id.ToString(),
            $"{input.Period.Code}, {campaign.Tasks.Count} organizations, {kpis.Count} KPIs", ct);

        foreach (var task in campaign.Tasks)
        {
            await notifier.OrganizationAsync(task.OrganizationId,
                $"성과 조사: {campaign.NameKo}", $"KPI report requested: {campaign.NameEn}",
                $"{input.Period.Label(false)} 성과를 {campaign.DueOn:yyyy-MM-dd}까지 제출해 주세요.",
                $"Please report your figures for {input.Period.Label(true)} by {campaign.DueOn:yyyy-MM-dd}.",
                $"/outcomes/tasks/{task.Id}", ct);
        }

        return campaign;
    }

    /// <summary>A task with its campaign, lines and evidence, or null.</summary>
    public async Task<(KpiTask Task, KpiCampaign Campaign)?> TaskAsync(Guid taskId, CancellationToken ct = default)
    {
        var task = await db.KpiTasks.Include(t => t.Lines).Include(t => t.Evidence).Include(t => t.Organization)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return null;
        }

        var campaign = await db.KpiCampaigns.FirstAsync(c => c.Id == task.CampaignId, ct);
        return (task, campaign);
    }

    /// <summary>The KPIs a campaign asks for, in display order.</summary>
    public async Task<List<KpiDefinition>> KpisOfAsync(KpiCampaign campaign, CancellationToken ct = default) =>
        await db.KpiDefinitions.AsNoTracking().Where(k => campaign.KpiIds.Contains(k.Id)).OrderBy(k => k.SortOrder).ToListAsync(ct);

    /// <summary>
    /// The organization's official values of the period before (what the task page shows beside each field and the
    /// outlier rules compare with). Reports of a finer grain count too: a half after two quarterly reports gets the
    /// quarters' sum for a flow and the second quarter's value for a stock; a flow only partly covered gets nothing.
    /// </summary>
    public async Task<Dictionary<Guid, long>> PreviousValuesAsync(Guid organizationId, ReportingPeriod period,
        CancellationToken ct = default)
    {
        var previous = period.Previous;
        var facts = await db.KpiFacts.AsNoTracking()
            .Where(f => f.OrganizationId == organizationId && f.EndMonth >= previous.StartMonth && f.EndMonth <= previous.EndMonth)
            .Select(f => new { f.KpiId, f.EndMonth, f.Months, f.Value })
            .ToListAsync(ct);
        var kpiIds = facts.Select(f => f.KpiId).Distinct().ToList();
        var kinds = await db.KpiDefinitions.AsNoTracking().Where(k => kpiIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Kind, ct);
        var result = new Dictionary<Guid, long>();
        foreach (var kpi in facts.GroupBy(f => f.KpiId))
        {
            var cells = kpi.Select(f => new RollupCell(f.EndMonth, f.Months, f.Value, 1, 1));
            if (Aggregation.Of(kinds[kpi.Key], previous, cells) is { Sum: { } value, Partial: false })
            {
                result[kpi.Key] = value;
            }
        }

        return result;
    }

    public async Task SaveAsync(Guid taskId, IReadOnlyList<KpiEntry> entries, CancellationToken ct = default)
    {
        var (task, campaign) = await RequireTaskAsync(taskId, ct);
        Rule.Require(campaign.Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        task.Save(entries, campaign.KpiIds, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task SubmitAsync(Guid taskId, Guid by, CancellationToken ct = default)
    {
        var (task, campaign) = await RequireTaskAsync(taskId, ct);
        Rule.Require(campaign.Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        var context = new SubmissionContext(
            await KpisOfAsync(campaign, ct),
            await PreviousValuesAsync(task.OrganizationId, campaign.Period, ct),
            task.Evidence.Select(e => e.KpiId).ToHashSet());
        task.Submit(context, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.EventAsync("outcomes.task.submitted", nameof(KpiTask), task.Id.ToString(), campaign.Period.Code, ct);
    }

    public async Task<(KpiEvidence? Evidence, string? Error)> AddEvidenceAsync(Guid taskId, Guid kpiId, IFormFile upload, Guid by,
        CancellationToken ct = default)
    {
        var (task, campaign) = await RequireTaskAsync(taskId, ct);
        Rule.Require(campaign.Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        Rule.Require(campaign.KpiIds.Contains(kpiId), "Outcomes.Campaign.Error.UnknownKpi");
        Rule.Require(task.CanEdit(kpiId), "Outcomes.Campaign.Error.NotEditable");
        var (file, error) = await evidenceFiles.SaveAsync(upload, ct);
        if (file is null)
        {
            return (null, error);
        }

        var evidence = task.AddEvidence(kpiId, file, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (evidence, null);
    }

    public async Task RemoveEvidenceAsync(Guid taskId, Guid evidenceId, CancellationToken ct = default)
    {
        var (task, campaign) = await RequireTaskAsync(taskId, ct);
        Rule.Require(campaign.Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        task.RemoveEvidence(evidenceId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task ReviewAsync(Guid taskId, IReadOnlyList<LineDecision> decisions, Guid by, CancellationToken ct = default)
    {
        var (task, campaign) = await RequireTaskAsync(taskId, ct);
        Rule.Require(campaign.Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        task.Review(decisions, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.EventAsync("outcomes.task.reviewed", nameof(KpiTask), task.Id.ToString(), task.Status.ToString(), ct);
        if (task.Status == KpiTaskStatus.Returned)
        {
            var returned = task.Lines.Count(l => l.Review == LineReview.Returned);
            await notifier.OrganizationAsync(task.OrganizationId,
                $"성과 보고 보완 요청: {campaign.NameKo}", $"KPI report returned: {campaign.NameEn}",
                $"{returned}개 값에 보완 요청이 있습니다. 운영자 의견을 확인하고 다시 제출해 주세요.",
                $"{returned} value(s) were returned. Read the operator's comments and submit again.",
                $"/outcomes/tasks/{task.Id}", ct);
        }
        else
        {
            await notifier.OrganizationAsync(task.OrganizationId,
                $"성과 보고 승인: {campaign.NameKo}", $"KPI report accepted: {campaign.NameEn}",
                $"{campaign.Period.Label(false)} 성과 보고가 승인되었습니다.", $"Your report for {campaign.Period.Label(true)} was accepted.",
                $"/outcomes/tasks/{task.Id}", ct);
        }
    }

    public async Task ExtendAsync(Guid campaignId, DateOnly dueOn, CancellationToken ct = default)
    {
        var campaign = await db.KpiCampaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new RuleException("Outcomes.Campaign.Error.NotFound");
        campaign.ExtendDeadline(dueOn, Kst.Today(clock));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Locks: the accepted values become facts and rollups in one transaction. The status moves by a conditional
    /// UPDATE first, so of two operators locking at once only one writes the facts.
    /// </summary>
    public Task<int> LockAsync(Guid campaignId, Guid by, CancellationToken ct = default) =>
        LockAsync(campaignId, by, clock.GetUtcNow(), ct);

    /// <summary>Locks as of <paramref name="now"/>: the demo hub's past campaigns were locked when their time came.</summary>
    internal async Task<int> LockAsync(Guid campaignId, Guid by, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var campaign = await db.KpiCampaigns.Include(c => c.Tasks).FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new RuleException("Outcomes.Campaign.Error.NotFound");
        campaign.Lock(by, now);
        var claimed = await db.AuditedUpdateAsync(db.KpiCampaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Open),
            s => s.SetProperty(c => c.Status, CampaignStatus.Locked).SetProperty(c => c.LockedAt, campaign.LockedAt)
                .SetProperty(c => c.LockedBy, by),
            "campaign locked", campaignId.ToString(), ct);
        Rule.Require(claimed == 1, "Outcomes.Campaign.Error.Locked");
        db.Entry(campaign).State = EntityState.Unchanged;

        var period = campaign.Period;
        var accepted = campaign.Tasks.Where(t => t.Status == KpiTaskStatus.Accepted).Select(t => t.Id).ToList();
        var lines = new List<(Guid OrganizationId, Guid KpiId, long Value)>();
        foreach (var chunk in accepted.Chunk(2000))
        {
            lines.AddRange((await db.KpiLines.AsNoTracking()
                .Where(l => chunk.Contains(l.TaskId) && l.Value != null && l.Review == LineReview.Accepted)
                .Join(db.KpiTasks, l => l.TaskId, t => t.Id, (l, t) => new { t.OrganizationId, l.KpiId, Value = l.Value!.Value })
                .ToListAsync(ct)).Select(l => (l.OrganizationId, l.KpiId, l.Value)));
        }

        var segments = await rollups.SegmentsAsync(campaign.Tasks.Select(t => t.OrganizationId).ToList(), period, ct);
        db.KpiFacts.AddRange(lines.Select(l => KpiFact.Of(l.OrganizationId, l.KpiId, period, l.Value, campaign.Id,
            segments.TryGetValue(l.OrganizationId, out var s) ? s.SiteId : null)));
        await db.SaveChangesAsync(ct);
        await rollups.RebuildAsync(campaign.Id, ct);
        await audit.EventAsync("outcomes.campaign.locked", nameof(KpiCampaign), campaign.Id.ToString(),
            $"{period.Code}: {accepted.Count} of {campaign.Tasks.Count} reports accepted, {lines.Count} values", ct);
        await transaction.CommitAsync(ct);
        return lines.Count;
    }

    private async Task RequireNoOverlapAsync(ReportingPeriod period, List<Guid> organizations, CancellationToken ct)
    {
        // Campaigns are few and their periods two integers: the overlap of periods is checked in memory.
        var overlapping = (await db.KpiCampaigns.AsNoTracking().Select(c => new { c.Id, c.PeriodEndMonth, c.PeriodMonths }).ToListAsync(ct))
            .Where(c => ReportingPeriod.FromStored(c.PeriodEndMonth, c.PeriodMonths).Overlaps(period)).Select(c => c.Id).ToList();
        if (overlapping.Count == 0 || organizations.Count == 0)
        {
            return;
        }

        var twice = 0;
        foreach (var chunk in organizations.Chunk(2000))
        {
            twice += await db.KpiTasks.CountAsync(t => overlapping.Contains(t.CampaignId) && chunk.Contains(t.OrganizationId), ct);
        }

        Rule.Require(twice == 0, "Outcomes.Campaign.Error.Overlap", twice);
    }

    private async Task<(KpiTask Task, KpiCampaign Campaign)> RequireTaskAsync(Guid taskId, CancellationToken ct) =>
        await TaskAsync(taskId, ct) ?? throw new RuleException("Outcomes.Campaign.Error.NotFound");
}
