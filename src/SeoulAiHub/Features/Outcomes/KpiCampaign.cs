using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>Open while organizations report and operators review; locked when its figures become official.</summary>
public enum CampaignStatus
{
    Open,
    Locked,
}

/// <summary>Who is asked to report: every resident, the awardees of one program, or a hand-picked list.</summary>
public enum CampaignTarget
{
    Residents,
    ProgramAwardees,
    Selected,
}

/// <summary>
/// 성과 조사 — a collection campaign: for one reporting period, the organizations asked (one task each), the KPIs
/// asked for, and the deadline. Locking turns the accepted values into the official figures (<see cref="KpiFact"/>).
/// </summary>
public sealed class KpiCampaign
{
    public Guid Id { get; private init; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int PeriodEndMonth { get; private init; }
    public int PeriodMonths { get; private init; }

    /// <summary>Last day to submit, in KST; a task may still come in late until the campaign is locked.</summary>
    public DateOnly DueOn { get; private set; }
    public CampaignTarget Target { get; private init; }

    /// <summary>The program whose awardees are asked, when <see cref="Target"/> is <see cref="CampaignTarget.ProgramAwardees"/>.</summary>
    public Guid? ProgramId { get; private init; }

    /// <summary>The KPIs asked for, fixed when the campaign opens (a KPI retired later is still asked here).</summary>
    public List<Guid> KpiIds { get; private init; } = [];
    public CampaignStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private init; }
    public Guid OpenedBy { get; private init; }
    public DateTimeOffset? LockedAt { get; private set; }
    public Guid? LockedBy { get; private set; }
    public List<KpiTask> Tasks { get; private init; } = [];

    public ReportingPeriod Period => ReportingPeriod.FromStored(PeriodEndMonth, PeriodMonths);

    public string Name(bool english) => english ? NameEn : NameKo;

    public static KpiCampaign Open(string nameKo, string nameEn, ReportingPeriod period, DateOnly dueOn,
        CampaignTarget target, Guid? programId, IReadOnlyCollection<Guid> kpiIds, IReadOnlyCollection<Guid> organizationIds, DateOnly today,
        Guid by, DateTimeOffset now)
    {
        Rule.Require(!string.IsNullOrWhiteSpace(nameKo) && !string.IsNullOrWhiteSpace(nameEn), "Outcomes.Campaign.Error.Name");
        Rule.Require(nameKo.Trim().Length <= 200 && nameEn.Trim().Length <= 200, "Outcomes.Campaign.Error.TooLong", 200);
        Rule.Require(target != CampaignTarget.ProgramAwardees || programId is not null, "Outcomes.Campaign.Error.Program");
        Rule.Require(kpiIds.Count > 0, "Outcomes.Campaign.Error.NoKpis");
        Rule.Require(organizationIds.Count > 0, "Outcomes.Campaign.Error.NoOrganizations");

        // A period is reported once it has begun; the deadline falls after the period's end and not in the past.
        Rule.Require(period.StartsOn <= today, "Outcomes.Campaign.Error.FuturePeriod");
        Rule.Require(dueOn > period.EndsOn && dueOn >= today, "Outcomes.Campaign.Error.DueDate");
        var campaign = new KpiCampaign
        {
            Id = Guid.CreateVersion7(),
            NameKo = nameKo.Trim(),
            NameEn = nameEn.Trim(),
            PeriodEndMonth = period.EndMonth,
            PeriodMonths = period.Months,
            DueOn = dueOn,
            Target = target,
            ProgramId = target == CampaignTarget.ProgramAwardees ? programId : null,
            KpiIds = kpiIds.Distinct().ToList(),
            Status = CampaignStatus.Open,
            OpenedAt = now.ToUniversalTime(),
            OpenedBy = by,
        };
        campaign.Tasks.AddRange(organizationIds.Distinct().Select(o => KpiTask.For(campaign.Id, o, now)));
        return campaign;
    }

    public void ExtendDeadline(DateOnly dueOn, DateOnly today)
    {
        Rule.Require(Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        Rule.Require(dueOn > Period.EndsOn && dueOn >= today, "Outcomes.Campaign.Error.DueDate");
        DueOn = dueOn;
    }

    /// <summary>
    /// Locking makes the figures official, so nothing may wait for review: every submitted task is accepted or
    /// returned first. Tasks never submitted, or returned and not fixed, are reported as missing.
    /// </summary>
    public void Lock(Guid by, DateTimeOffset now)
    {
        Rule.Require(Status == CampaignStatus.Open, "Outcomes.Campaign.Error.Locked");
        var waiting = Tasks.Count(t => t.Status == KpiTaskStatus.Submitted);
        Rule.Require(waiting == 0, "Outcomes.Campaign.Error.AwaitingReview", waiting);
        Status = CampaignStatus.Locked;
        LockedAt = now.ToUniversalTime();
        LockedBy = by;
    }
}

internal sealed class KpiCampaignConfiguration : IEntityTypeConfiguration<KpiCampaign>
{
    public void Configure(EntityTypeBuilder<KpiCampaign> b)
    {
        b.ToTable("KpiCampaigns");
        b.Property(c => c.NameKo).HasMaxLength(200);
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.Target).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.KpiIds).HasJsonConversion(() => []).HasMaxLength(4000);
        b.HasIndex(c => new { c.PeriodEndMonth, c.PeriodMonths });
        b.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.Period);
    }
}
