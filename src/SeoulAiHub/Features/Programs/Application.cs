using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Programs;

/// <summary>신청 상태 — the life of an application (see <see cref="Application"/> for the moves allowed).</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    RevisionsRequested,
    Selected,
    NotSelected,
    Agreement,
    InProgress,
    Completed,
    Withdrawn,
}

/// <summary>
/// 신청서 — one organization's application to one call (the database allows only one per pair).
/// draft → submitted → under review → selected / not selected / revisions requested (→ submitted again) →
/// agreement → in progress → completed; withdrawn from any state before a result. Answers are kept as text per field
/// key; the requested amount is its own column because ranking and selection need it.
/// </summary>
public sealed partial class Application
{
    public Guid Id { get; private init; }
    public Guid CallId { get; private init; }
    public Call Call { get; private init; } = null!;
    public Guid OrganizationId { get; private init; }
    public Organization Organization { get; private init; } = null!;
    public ApplicationStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public long RequestedKrw { get; private set; }
    public Dictionary<string, string> Answers { get; private set; } = [];

    /// <summary>Index of the evaluation stage the application is in (0 = the first).</summary>
    public int StageIndex { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public Guid CreatedBy { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The amount awarded at selection (may differ from the request, with a recorded reason).</summary>
    public long? AwardKrw { get; private set; }
    public string? DecisionNote { get; private set; }
    public List<ApplicationDocument> Documents { get; private init; } = [];

    /// <summary>Draft or sent back for revisions: the statuses answers may change in and a submission moves from.</summary>
    public bool IsEditable => InSubmittableStatus(this);

    public bool HasResult => Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected or ApplicationStatus.Agreement
        or ApplicationStatus.InProgress or ApplicationStatus.Completed;

    public static Application Start(Guid callId, Guid organizationId, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CallId = callId, OrganizationId = organizationId, CreatedBy = userId,
        Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>Autosave and manual save of the draft: only while editable.</summary>
    public void SaveDraft(string title, long requestedKrw, IReadOnlyDictionary<string, string> answers, DateTimeOffset now)
    {
        Rule.Require(IsEditable, "Programs.Application.Error.NotEditable");
        Rule.Require(requestedKrw >= 0, "Programs.Application.Error.Amount");
        Title = title.Trim();
        RequestedKrw = requestedKrw;
        Answers = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim());
        UpdatedAt = now;
    }

    /// <summary>Copies the answers of an earlier application into this draft (이전 신청서 불러오기).</summary>
    public void CopyFrom(Application earlier, DateTimeOffset now) =>
        SaveDraft(earlier.Title, earlier.RequestedKrw, earlier.Answers, now);

    /// <summary>
    /// Records a submission as it happened, checking only the status: for histories written after the fact (the demo
    /// hub, test fixtures), whose calls have since closed. Submitting now goes through the whole rule — the overload
    /// taking the call, or <see cref="ApplicationService.SubmitAsync"/> (see ApplicationSubmission.cs).
    /// </summary>
    public void Submit(DateTimeOffset now)
    {
        Rule.Require(IsEditable, "Programs.Application.Error.NotEditable");
        MarkSubmitted(now);
    }

    private void MarkSubmitted(DateTimeOffset now)
    {
        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public void StartReview(DateTimeOffset now)
    {
        Rule.Require(Status == ApplicationStatus.Submitted, "Programs.Application.Error.NotSubmitted");
        Status = ApplicationStatus.UnderReview;
        UpdatedAt = now;
    }

    public void RequestRevisions(string note, DateTimeOffset now)
    {
        Rule.Require(Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview, "Programs.Application.Error.NotSubmitted");
        Rule.Require(!string.IsNullOrWhiteSpace(note), "Programs.Application.Error.ReasonRequired");
        Status = ApplicationStatus.RevisionsRequested;
        DecisionNote = note.Trim();
        UpdatedAt = now;
    }

    public void AdvanceStage(int stageCount, DateTimeOffset now)
    {
        Rule.Require(Status == ApplicationStatus.UnderReview && StageIndex + 1 < stageCount, "Programs.Application.Error.NoNextStage");
        StageIndex++;
        UpdatedAt = now;
    }

    public void Decide(bool selected, long awardKrw, string? note, DateTimeOffset now)
    {
        Rule.Require(Status is ApplicationStatus.UnderReview or ApplicationStatus.Submitted, "Programs.Application.Error.NotUnderReview");
        Status = selected ? ApplicationStatus.Selected : ApplicationStatus.NotSelected;
        AwardKrw = selected ? awardKrw : null;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedAt = now;
        UpdatedAt = now;
    }

    public void EnterAgreement(DateTimeOffset now) => Move(ApplicationStatus.Selected, ApplicationStatus.Agreement, now);

    public void StartWork(DateTimeOffset now) => Move(ApplicationStatus.Agreement, ApplicationStatus.InProgress, now);

    public void Complete(DateTimeOffset now) => Move(ApplicationStatus.InProgress, ApplicationStatus.Completed, now);

    public void Withdraw(DateTimeOffset now)
    {
        Rule.Require(Status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.UnderReview
            or ApplicationStatus.RevisionsRequested, "Programs.Application.Error.CannotWithdraw");
        Status = ApplicationStatus.Withdrawn;
        UpdatedAt = now;
    }

    private void Move(ApplicationStatus from, ApplicationStatus to, DateTimeOffset now)
    {
        Rule.Require(Status == from, "Programs.Application.Error.WrongState");
        Status = to;
        UpdatedAt = now;
    }
}

/// <summary>A file attached to an application: a required document or the answer to a file field.</summary>
public sealed class ApplicationDocument
{
    public Guid Id { get; private init; }
    public Guid ApplicationId { get; private init; }

    /// <summary>The required document's key or the file field's key.</summary>
    public string Key { get; private init; } = "";
    public string FileName { get; private init; } = "";
    public string StoredName { get; private init; } = "";
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }
    public DateTimeOffset UploadedAt { get; private init; }
    public Guid UploadedBy { get; private init; }

    public static ApplicationDocument Create(Guid applicationId, string key, StoredFile file, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), ApplicationId = applicationId, Key = key, FileName = file.FileName, StoredName = file.StoredName,
        ContentType = file.ContentType, Size = file.Size, UploadedAt = now, UploadedBy = userId,
    };
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("Applications");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.DecisionNote).HasMaxLength(4000);
        b.Property(a => a.Answers).HasJsonConversion(() => new Dictionary<string, string>()).HasColumnName("AnswersJson");
        // One application per organization per call: concurrent first saves or submissions end in one row.
        b.HasIndex(a => new { a.CallId, a.OrganizationId }).IsUnique();
        b.HasIndex(a => new { a.OrganizationId, a.Status });
        b.HasOne(a => a.Call).WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.ToTable("ApplicationDocuments");
        b.Property(d => d.Key).HasMaxLength(64);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.StoredName).HasMaxLength(100);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasIndex(d => new { d.ApplicationId, d.Key });
    }
}
