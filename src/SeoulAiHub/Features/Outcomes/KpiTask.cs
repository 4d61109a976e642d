using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>Where one organization's report in a campaign stands.</summary>
public enum KpiTaskStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>An operator's verdict on one reported value.</summary>
public enum LineReview
{
    Pending,
    Accepted,
    Returned,
}

/// <summary>What a reporter enters for one KPI: the value (blank while drafting) and an optional note.</summary>
public sealed record KpiEntry(Guid KpiId, long? Value, string? Note);

/// <summary>An operator's decision on one value: accept, or return with a comment saying what to fix.</summary>
public sealed record LineDecision(Guid KpiId, bool Accept, string? Comment);

/// <summary>What a submission is checked against, gathered by the service.</summary>
public sealed record SubmissionContext(
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyDictionary<Guid, long> PreviousValues,
    IReadOnlySet<Guid> KpisWithEvidence);

/// <summary>
/// 성과 보고 과제 — one organization's report in one campaign: drafted, submitted, reviewed value by value, returned for
/// fixes or accepted. After a return only the returned values can change; accepted ones stay as accepted.
/// </summary>
public sealed class KpiTask
{
    public Guid Id { get; private init; }
    public Guid CampaignId { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Organization Organization { get; private init; } = null!;
    public KpiTaskStatus Status { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? SubmittedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }

    /// <summary>The smallest "days before the deadline" reminder already sent (7, then 1); claimed atomically.</summary>
    public int? RemindedDaysBefore { get; private set; }
    public List<KpiLine> Lines { get; private init; } = [];
    public List<KpiEvidence> Evidence { get; private init; } = [];

    public bool IsEditable => Status is KpiTaskStatus.NotStarted or KpiTaskStatus.Draft or KpiTaskStatus.Returned;

    internal static KpiTask For(Guid campaignId, Guid organizationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CampaignId = campaignId, OrganizationId = organizationId, Status = KpiTaskStatus.NotStarted,
        UpdatedAt = now.ToUniversalTime(),
    };

    public KpiLine? Line(Guid kpiId) => Lines.FirstOrDefault(l => l.KpiId == kpiId);

    /// <summary>Whether the reporter may change this KPI's value now.</summary>
    public bool CanEdit(Guid kpiId) => IsEditable && Line(kpiId)?.Review != LineReview.Accepted;

    /// <summary>Saves a draft (also the autosave); values the reporter may not change are left as they are.</summary>
    public void Save(IEnumerable<KpiEntry> entries, IReadOnlyCollection<Guid> askedKpis, DateTimeOffset now)
    {
        Rule.Require(IsEditable, "Outcomes.Campaign.Error.NotEditable");
        foreach (var entry in entries.Where(e => askedKpis.Contains(e.KpiId) && CanEdit(e.KpiId)))
        {
            var line = Line(entry.KpiId);
            if (line is null)
            {
                line = KpiLine.For(Id, entry.KpiId);
                Lines.Add(line);
            }

            line.Set(entry.Value, entry.Note);
        }

        if (Status == KpiTaskStatus.NotStarted)
        {
            Status = KpiTaskStatus.Draft;
        }

        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// Submits: every asked KPI needs a value (zero is a value), none negative where impossible, evidence where the KPI
    /// requires it, and a note wherever the outlier rules flag the value. All problems are reported together.
    /// </summary>
    public void Submit(SubmissionContext context, Guid by, DateTimeOffset now)
    {
        Rule.Require(IsEditable, "Outcomes.Campaign.Error.NotEditable");
        var problems = new List<RuleProblem>();   // each names its KPI (Field = the KPI id)
        var byCode = context.Kpis
            .Select(k => (k.Code, Line(k.Id)?.Value))
            .Where(x => x.Value is not null)
            .ToDictionary(x => x.Code, x => x.Value!.Value);
        foreach (var kpi in context.Kpis)
        {
            var line = Line(kpi.Id);
            if (line?.Value is not { } value)
            {
                problems.Add(new(kpi.Id.ToString(), "Outcomes.Campaign.Error.ValueRequired"));
                continue;
            }

            if (OutlierRules.IsImpossible(kpi, value))
            {
                problems.Add(new(kpi.Id.ToString(), "Outcomes.Campaign.Error.Negative"));
                continue;
            }

            if (kpi.EvidenceRequired && value != 0 && !context.KpisWithEvidence.Contains(kpi.Id))
            {
                problems.Add(new(kpi.Id.ToString(), "Outcomes.Campaign.Error.EvidenceRequired"));
            }

            var flags = OutlierRules.Check(value, context.PreviousValues.TryGetValue(kpi.Id, out var previous) ? previous : null)
                | OutlierRules.CheckAcross(kpi.Code, value, byCode);
            line.Flag(flags);
            if (flags != OutlierFlags.None && string.IsNullOrWhiteSpace(line.Note))
            {
                problems.Add(new(kpi.Id.ToString(), "Outcomes.Campaign.Error.OutlierNoteRequired"));
            }
        }

        if (problems.Count > 0)
        {
            // Every problem is listed at once so the reporter fixes them in one pass.
            throw new RuleException("Outcomes.Campaign.Error.Submission", problems);
        }

        foreach (var line in Lines.Where(l => l.Review == LineReview.Returned))
        {
            line.Reopen();
        }

        Status = KpiTaskStatus.Submitted;
        SubmittedAt = now.ToUniversalTime();
        SubmittedBy = by;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// An operator's review of a submitted report: each pending value accepted or returned with a comment (a value not
    /// mentioned is accepted). Any returned value sends the whole report back; otherwise it is accepted.
    /// </summary>
    public void Review(IEnumerable<LineDecision> decisions, Guid by, DateTimeOffset now)
    {
        Rule.Require(Status == KpiTaskStatus.Submitted, "Outcomes.Campaign.Error.NotSubmitted");
        // A form may carry the same value twice; the last decision on it counts (ToDictionary would throw).
        var byKpi = decisions.GroupBy(d => d.KpiId).ToDictionary(g => g.Key, g => g.Last());
        // A returned value says what to fix: every one without a comment is named, so the form marks each.
        var uncommented = byKpi.Values.Where(d => !d.Accept && string.IsNullOrWhiteSpace(d.Comment))
            .Select(d => new RuleProblem(d.KpiId.ToString(), "Outcomes.Campaign.Error.ReturnComment")).ToList();
        if (uncommented.Count > 0)
        {
            throw new RuleException("Outcomes.Campaign.Error.ReturnComment", uncommented);
        }

        foreach (var decision in byKpi.Values.Where(d => d.Comment is not null))
        {
            Rule.Require(decision.Comment!.Trim().Length <= KpiLine.MaxText, "Outcomes.Campaign.Error.TooLong", KpiLine.MaxText);
        }

        foreach (var line in Lines.Where(l => l.Review == LineReview.Pending))
        {
            if (byKpi.TryGetValue(line.KpiId, out var decision) && !decision.Accept)
            {
                line.Return(decision.Comment!);
            }
            else
            {
                line.Accept(decision?.Comment);
            }
        }

        Status = Lines.Any(l => l.Review == LineReview.Returned) ? KpiTaskStatus.Returned : KpiTaskStatus.Accepted;
        ReviewedAt = now.ToUniversalTime();
        ReviewedBy = by;
        UpdatedAt = now.ToUniversalTime();
    }

    public KpiEvidence AddEvidence(Guid kpiId, StoredFile file, Guid by, DateTimeOffset now)
    {
        Rule.Require(CanEdit(kpiId), "Outcomes.Campaign.Error.NotEditable");
        var evidence = KpiEvidence.For(Id, kpiId, file, by, now);
        Evidence.Add(evidence);
        UpdatedAt = now.ToUniversalTime();
        return evidence;
    }

    public void RemoveEvidence(Guid evidenceId, DateTimeOffset now)
    {
        var evidence = Evidence.FirstOrDefault(e => e.Id == evidenceId) ?? throw new RuleException("Outcomes.Campaign.Error.NoEvidence");
        Rule.Require(CanEdit(evidence.KpiId), "Outcomes.Campaign.Error.NotEditable");
        Evidence.Remove(evidence);
        UpdatedAt = now.ToUniversalTime();
    }
}

internal sealed class KpiTaskConfiguration : IEntityTypeConfiguration<KpiTask>
{
    public void Configure(EntityTypeBuilder<KpiTask> b)
    {
        b.ToTable("KpiTasks");
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(t => new { t.CampaignId, t.OrganizationId }).IsUnique();
        b.HasIndex(t => t.OrganizationId);
        b.HasOne(t => t.Organization).WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Evidence).WithOne().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
