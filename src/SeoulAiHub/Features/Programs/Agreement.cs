using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Programs;

public enum ReportKind
{
    Interim,
    Final,
}

public enum ReportStatus
{
    Submitted,
    Accepted,
    Returned,
}

/// <summary>
/// 협약 — the agreement with a selected applicant: the awarded amount and milestones with deliverables and due
/// dates. The organization submits interim and final reports; an operator accepts or returns each. Accepting the
/// final report completes the application.
/// </summary>
public sealed class Agreement
{
    public Guid Id { get; private init; }
    public Guid ApplicationId { get; private init; }
    public Application Application { get; private init; } = null!;
    public long AwardKrw { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public List<Milestone> Milestones { get; private init; } = [];
    public List<AgreementReport> Reports { get; private init; } = [];

    public static Agreement Draft(Application application, long awardKrw, DateOnly startsOn, DateOnly endsOn, DateTimeOffset now)
    {
        if (awardKrw < 0 || endsOn <= startsOn)
        {
            throw new RuleException("Programs.Agreement.Error.Terms");
        }

        application.EnterAgreement(now);
        return new Agreement { Id = Guid.CreateVersion7(), ApplicationId = application.Id, AwardKrw = awardKrw,
            StartsOn = startsOn, EndsOn = endsOn };
    }

    public Milestone AddMilestone(string title, string deliverable, DateOnly dueOn)
    {
        if (string.IsNullOrWhiteSpace(title) || dueOn < StartsOn || dueOn > EndsOn)
        {
            throw new RuleException("Programs.Agreement.Error.Milestone");
        }

        var milestone = new Milestone { Id = Guid.CreateVersion7(), AgreementId = Id, Title = title.Trim(),
            Deliverable = deliverable.Trim(), DueOn = dueOn };
        Milestones.Add(milestone);
        return milestone;
    }

    /// <summary>Both sides have signed: work starts.</summary>
    public void Sign(Application application, DateTimeOffset now)
    {
        if (SignedAt is not null || Milestones.Count == 0)
        {
            throw new RuleException("Programs.Agreement.Error.CannotSign");
        }

        SignedAt = now;
        application.StartWork(now);
    }

    public AgreementReport SubmitReport(Milestone milestone, ReportKind kind, string text, StoredFile? file,
        Guid userId, DateTimeOffset now)
    {
        if (SignedAt is null || string.IsNullOrWhiteSpace(text) || milestone.AgreementId != Id)
        {
            throw new RuleException("Programs.Agreement.Error.Report");
        }

        if (Reports.Any(r => r.MilestoneId == milestone.Id && r.Status != ReportStatus.Returned))
        {
            throw new RuleException("Programs.Agreement.Error.ReportPending");
        }

        var report = AgreementReport.Create(this, milestone, kind, text, file, userId, now);
        Reports.Add(report);
        return report;
    }

    /// <summary>
    /// An operator accepts or returns a report. The work is complete once every milestone has an accepted report and
    /// one of them is the final report, whichever of them is accepted last.
    /// </summary>
    public void Review(AgreementReport report, bool accept, string? comment, Application application, DateTimeOffset now)
    {
        report.Decide(accept, comment, now);
        var accepted = Reports.Where(r => r.Status == ReportStatus.Accepted).ToList();
        var allAccepted = Milestones.All(m => accepted.Any(r => r.MilestoneId == m.Id));
        if (accept && allAccepted && accepted.Any(r => r.Kind == ReportKind.Final))
        {
            application.Complete(now);
        }
    }
}

/// <summary>마일스톤 — a deliverable due on a date.</summary>
public sealed class Milestone
{
    public Guid Id { get; init; }
    public Guid AgreementId { get; init; }
    public string Title { get; init; } = "";
    public string Deliverable { get; init; } = "";
    public DateOnly DueOn { get; init; }

    /// <summary>Days before the due date at which a reminder was last sent (7, then 1), so each goes once.</summary>
    public int? RemindedDaysBefore { get; set; }
}

/// <summary>중간·최종 보고 — a report on a milestone; returned reports can be submitted again.</summary>
public sealed class AgreementReport
{
    public Guid Id { get; private init; }
    public Guid AgreementId { get; private init; }
    public Guid MilestoneId { get; private init; }
    public ReportKind Kind { get; private init; }
    public string Text { get; private init; } = "";
    public string? FileName { get; private init; }
    public string? StoredName { get; private init; }
    public string? ContentType { get; private init; }
    public Guid SubmittedBy { get; private init; }
    public DateTimeOffset SubmittedAt { get; private init; }
    public ReportStatus Status { get; private set; }
    public string? OperatorComment { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    internal static AgreementReport Create(Agreement agreement, Milestone milestone, ReportKind kind, string text, StoredFile? file,
        Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), AgreementId = agreement.Id, MilestoneId = milestone.Id, Kind = kind, Text = text.Trim(),
        FileName = file?.FileName, StoredName = file?.StoredName, ContentType = file?.ContentType,
        SubmittedBy = userId, SubmittedAt = now, Status = ReportStatus.Submitted,
    };

    internal void Decide(bool accept, string? comment, DateTimeOffset now)
    {
        if (Status != ReportStatus.Submitted || (!accept && string.IsNullOrWhiteSpace(comment)))
        {
            throw new RuleException(accept ? "Programs.Agreement.Error.NotPending" : "Programs.Application.Error.ReasonRequired");
        }

        Status = accept ? ReportStatus.Accepted : ReportStatus.Returned;
        OperatorComment = comment?.Trim();
        DecidedAt = now;
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("Agreements");
        b.HasIndex(a => a.ApplicationId).IsUnique();
        b.HasOne(a => a.Application).WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.ToTable("Milestones");
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Deliverable).HasMaxLength(2000);
        b.HasIndex(m => m.DueOn);
    }
}

internal sealed class AgreementReportConfiguration : IEntityTypeConfiguration<AgreementReport>
{
    public void Configure(EntityTypeBuilder<AgreementReport> b)
    {
        b.ToTable("AgreementReports");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Text).HasMaxLength(20000);
        b.Property(r => r.FileName).HasMaxLength(255);
        b.Property(r => r.StoredName).HasMaxLength(100);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.OperatorComment).HasMaxLength(4000);
        b.HasOne<Milestone>().WithMany().HasForeignKey(r => r.MilestoneId).OnDelete(DeleteBehavior.Restrict);
    }
}
