using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Compute;

/// <summary>할당 상태 — requested → approved → active → expired; active ⇄ suspended; requested → declined.</summary>
public enum AllocationStatus
{
    Requested,
    Approved,
    Active,
    Suspended,
    Expired,
    Declined,
}

/// <summary>할당 근거 — an award of a support program (its agreement) or an operator's decision.</summary>
public enum AllocationSource
{
    OperatorDecision,
    ProgramAward,
}

/// <summary>
/// GPU 할당 — GPU-hours on a cluster (optionally one partition) for an organization over a period of KST dates.
/// Usage reaches it through the Slurm account (sacct's Account column) set by the operator at approval.
/// Rules: a tenant requests (hours, period, justification); an operator approves with the final hours, period, account
/// and terms, or declines with a reason; the organization accepts the terms, which makes it active; an operator
/// suspends (with the reason) and resumes; once the period is over it expires. Every change is an
/// <see cref="AllocationEvent"/>. Usage (<see cref="UsedGpuSeconds"/>) is recomputed from the imported jobs.
/// </summary>
public sealed class GpuAllocation
{
    public const int MaxJustification = 4000;
    public const int MaxTerms = 8000;
    public const int MaxReason = 2000;
    public const int MaxAccount = 64;
    public const int MaxHours = 10_000_000;

    public Guid Id { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Guid ClusterId { get; private init; }
    public Guid? PartitionId { get; private set; }

    /// <summary>Slurm 계정 — set at approval; usage lines with this account on this cluster count here.</summary>
    public string? SlurmAccount { get; private set; }
    public int GpuHours { get; private set; }

    /// <summary>First and last day (KST, inclusive).</summary>
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    /// <summary>The period as instants (KST midnight of the first day, KST midnight after the last), for matching jobs in SQL.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsBefore { get; private set; }
    public AllocationSource Source { get; private set; }

    /// <summary>The program agreement (협약) the hours were awarded under, when <see cref="Source"/> is a program award.</summary>
    public Guid? AgreementId { get; private set; }
    public AllocationStatus Status { get; private set; }
    public string Justification { get; private set; } = "";

    /// <summary>The terms as they were when approved (a snapshot: later edits of the standard text do not change them).</summary>
    public string? Terms { get; private set; }
    public DateTimeOffset? TermsAcceptedAt { get; private set; }
    public Guid? TermsAcceptedBy { get; private set; }

    /// <summary>Why it was declined or suspended (the latest).</summary>
    public string? Reason { get; private set; }
    public long UsedGpuSeconds { get; private set; }
    public DateTimeOffset? Alert80SentAt { get; private set; }
    public DateTimeOffset? Alert100SentAt { get; private set; }
    public DateTimeOffset RequestedAt { get; private init; }
    public Guid RequestedBy { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<AllocationEvent> History { get; private init; } = [];

    public double UsedGpuHours => UsedGpuSeconds / 3600.0;

    /// <summary>Used / allocated (1.0 = 100 %).</summary>
    public double UsedShare => GpuHours == 0 ? 0 : UsedGpuSeconds / (GpuHours * 3600.0);

    /// <summary>
    /// Statuses whose jobs count: usage is matched also while suspended (jobs already ran) and after expiry (late imports).
    /// </summary>
    public static readonly AllocationStatus[] Counting = [AllocationStatus.Active, AllocationStatus.Suspended, AllocationStatus.Expired];

    public static GpuAllocation Request(Guid organizationId, GpuCluster cluster, Guid? partitionId, int gpuHours, DateOnly startsOn,
        DateOnly endsOn, string? justification, DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(partitionId is null || cluster.Partitions.Any(p => p.Id == partitionId), "Compute.Error.Partition");
        Require(endsOn >= today, "Compute.Error.PeriodPast");
        var allocation = new GpuAllocation
        {
            Id = Guid.CreateVersion7(), OrganizationId = organizationId, ClusterId = cluster.Id, PartitionId = partitionId,
            Status = AllocationStatus.Requested, Source = AllocationSource.OperatorDecision,
            Justification = Text(justification, MaxJustification, "Compute.Error.Justification"),
            RequestedAt = now.ToUniversalTime(), RequestedBy = by, UpdatedAt = now.ToUniversalTime(),
        };
        allocation.SetHoursAndPeriod(gpuHours, startsOn, endsOn);
        allocation.Log(AllocationEventKind.Requested, by, now, null, AllocationStatus.Requested,
            $"{gpuHours:N0} GPU-h, {startsOn:yyyy-MM-dd} – {endsOn:yyyy-MM-dd}");
        return allocation;
    }

    /// <summary>Whether the rules allow going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(AllocationStatus from, AllocationStatus to) => (from, to) switch
    {
        (AllocationStatus.Requested, AllocationStatus.Approved or AllocationStatus.Declined) => true,
        (AllocationStatus.Approved, AllocationStatus.Active or AllocationStatus.Expired) => true,
        (AllocationStatus.Active, AllocationStatus.Suspended or AllocationStatus.Expired) => true,
        (AllocationStatus.Suspended, AllocationStatus.Active or AllocationStatus.Expired) => true,
        _ => false,
    };

    /// <summary>
    /// The operator's approval: the final hours, period, Slurm account and terms (and the program agreement when the
    /// hours come from an award). The organization still has to accept the terms before it becomes active.
    /// </summary>
    public void Approve(int gpuHours, DateOnly startsOn, DateOnly endsOn, string? slurmAccount, Guid? partitionId, GpuCluster cluster,
        string? terms, Guid? agreementId, DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(cluster.Id == ClusterId, "Compute.Error.Partition");
        Require(CanMove(Status, AllocationStatus.Approved), "Compute.Error.StatusMove");
        Require(partitionId is null || cluster.Partitions.Any(p => p.Id == partitionId), "Compute.Error.Partition");
        Require(endsOn >= today, "Compute.Error.PeriodPast");
        var account = Text(slurmAccount, MaxAccount, "Compute.Error.Account");
        Require(!account.Contains('|', StringComparison.Ordinal) && !account.Any(char.IsWhiteSpace), "Compute.Error.Account");
        var text = Text(terms, MaxTerms, "Compute.Error.Terms");
        SetHoursAndPeriod(gpuHours, startsOn, endsOn);
        SlurmAccount = account;
        PartitionId = partitionId;
        Terms = text;
        AgreementId = agreementId;
        Source = agreementId is null ? AllocationSource.OperatorDecision : AllocationSource.ProgramAward;
        Move(AllocationStatus.Approved, AllocationEventKind.Approved, by, now,
            $"{gpuHours:N0} GPU-h, {startsOn:yyyy-MM-dd} – {endsOn:yyyy-MM-dd}, account {account}");
    }

    public void Decline(string? reason, Guid by, DateTimeOffset now)
    {
        Require(CanMove(Status, AllocationStatus.Declined), "Compute.Error.StatusMove");
        Reason = Text(reason, MaxReason, "Compute.Error.Reason");
        Move(AllocationStatus.Declined, AllocationEventKind.Declined, by, now, Reason);
    }

    /// <summary>The organization accepts the terms it was given: the allocation becomes active (unless its period is over).</summary>
    public void AcceptTerms(DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(Status == AllocationStatus.Approved, "Compute.Error.NotAwaitingTerms");
        Require(today <= EndsOn, "Compute.Error.PeriodPast");
        TermsAcceptedAt = now.ToUniversalTime();
        TermsAcceptedBy = by;
        Move(AllocationStatus.Active, AllocationEventKind.TermsAccepted, by, now, null);
    }

    public void Suspend(string? reason, Guid by, DateTimeOffset now)
    {
        Require(CanMove(Status, AllocationStatus.Suspended), "Compute.Error.StatusMove");
        Reason = Text(reason, MaxReason, "Compute.Error.Reason");
        Move(AllocationStatus.Suspended, AllocationEventKind.Suspended, by, now, Reason);
    }

    public void Resume(string? note, DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(Status == AllocationStatus.Suspended, "Compute.Error.StatusMove");
        Require(today <= EndsOn, "Compute.Error.PeriodPast");
        Move(AllocationStatus.Active, AllocationEventKind.Resumed, by, now, Optional(note, MaxReason));
    }

    /// <summary>Whether the period is over and the allocation still waits for it to end (approved, active or suspended).</summary>
    public bool IsDueToExpire(DateOnly today) =>
        today > EndsOn && Status is AllocationStatus.Approved or AllocationStatus.Active or AllocationStatus.Suspended;

    /// <summary>The period is over: no further use. An approval whose terms were never accepted expires too.</summary>
    public void Expire(DateOnly today, DateTimeOffset now)
    {
        Require(IsDueToExpire(today), "Compute.Error.StatusMove");
        Move(AllocationStatus.Expired, AllocationEventKind.Expired, null, now, null);
    }

    /// <summary>Records a usage alert sent (the claim itself is a conditional UPDATE; this is the history line).</summary>
    internal static AllocationEvent AlertEvent(Guid allocationId, UsageAlert level, double share, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), AllocationId = allocationId, At = now.ToUniversalTime(),
        Kind = level == UsageAlert.Reached100 ? AllocationEventKind.Alert100 : AllocationEventKind.Alert80,
        Note = $"{share * 100:0.0} %",
    };

    /// <summary>For the demo hub: an allocation seeded above 80 % counts as already told.</summary>
    internal void MarkAlertSent(UsageAlert level, DateTimeOffset at)
    {
        Alert80SentAt ??= at.ToUniversalTime();
        if (level == UsageAlert.Reached100)
        {
            Alert100SentAt ??= at.ToUniversalTime();
        }
    }

    private void SetHoursAndPeriod(int gpuHours, DateOnly startsOn, DateOnly endsOn)
    {
        Require(gpuHours is > 0 and <= MaxHours, "Compute.Error.Hours", MaxHours);
        Require(endsOn >= startsOn, "Compute.Error.Period");
        Require(endsOn.DayNumber - startsOn.DayNumber < 3 * 366, "Compute.Error.PeriodLength");
        GpuHours = gpuHours;
        StartsOn = startsOn;
        EndsOn = endsOn;
        StartsAt = KstMidnight(startsOn);
        EndsBefore = KstMidnight(endsOn.AddDays(1));
    }

    internal static DateTimeOffset KstMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Kst.Offset).ToUniversalTime();

    private void Move(AllocationStatus to, AllocationEventKind kind, Guid? by, DateTimeOffset now, string? note)
    {
        var from = Status;
        Status = to;
        UpdatedAt = now.ToUniversalTime();
        Log(kind, by, now, from, to, note);
    }

    private void Log(AllocationEventKind kind, Guid? by, DateTimeOffset now, AllocationStatus? from, AllocationStatus? to, string? note) =>
        History.Add(new AllocationEvent
        {
            Id = Guid.CreateVersion7(), AllocationId = Id, Kind = kind, At = now.ToUniversalTime(), By = by, From = from,
            To = to, Note = note,
        });
}

/// <summary>What happened to an allocation.</summary>
public enum AllocationEventKind
{
    Requested,
    Approved,
    Declined,
    TermsAccepted,
    Suspended,
    Resumed,
    Expired,
    Alert80,
    Alert100,
}

/// <summary>One entry of an allocation's history; <see cref="By"/> is empty for what the system did (expiry, alerts).</summary>
public sealed class AllocationEvent
{
    public Guid Id { get; internal init; }
    public Guid AllocationId { get; internal init; }
    public AllocationEventKind Kind { get; internal init; }
    public DateTimeOffset At { get; internal init; }
    public Guid? By { get; internal init; }
    public AllocationStatus? From { get; internal init; }
    public AllocationStatus? To { get; internal init; }
    public string? Note { get; internal init; }
}

internal sealed class GpuAllocationConfiguration : IEntityTypeConfiguration<GpuAllocation>
{
    public void Configure(EntityTypeBuilder<GpuAllocation> b)
    {
        b.ToTable("GpuAllocations");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.SlurmAccount).HasMaxLength(GpuAllocation.MaxAccount);
        b.Property(a => a.Justification).HasMaxLength(GpuAllocation.MaxJustification);
        b.Property(a => a.Terms).HasMaxLength(GpuAllocation.MaxTerms);
        b.Property(a => a.Reason).HasMaxLength(GpuAllocation.MaxReason);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GpuCluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GpuPartition>().WithMany().HasForeignKey(a => a.PartitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.History).WithOne().HasForeignKey(e => e.AllocationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.OrganizationId, a.Status });
        b.HasIndex(a => new { a.ClusterId, a.SlurmAccount, a.StartsAt });
        b.HasIndex(a => new { a.Status, a.EndsOn });
    }
}

internal sealed class AllocationEventConfiguration : IEntityTypeConfiguration<AllocationEvent>
{
    public void Configure(EntityTypeBuilder<AllocationEvent> b)
    {
        b.ToTable("AllocationEvents");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Note).HasMaxLength(GpuAllocation.MaxReason + 100);
        b.HasIndex(e => new { e.AllocationId, e.At });
    }
}
