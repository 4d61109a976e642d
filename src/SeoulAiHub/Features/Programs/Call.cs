using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Programs;

public enum CallStatus
{
    Draft,
    Published,
}

/// <summary>Where a call stands at an instant, as notices and the API show it (접수예정 / 접수중 / 마감).</summary>
public enum CallState
{
    Draft,
    Upcoming,
    Open,
    Closed,
}

/// <summary>
/// 공고 — a call for applications within a program: text, open and close instants (stored in UTC, shown in KST),
/// eligibility, form, documents, money, stages and criteria. Published calls are public; applications are accepted
/// only between the open and the close instant, by the server's clock.
/// </summary>
public sealed class Call
{
    public Guid Id { get; private init; }
    public Guid ProgramId { get; private init; }
    public SupportProgram Program { get; private init; } = null!;
    public string TitleKo { get; private set; } = "";
    public string TitleEn { get; private set; } = "";

    /// <summary>Markdown; rendered sanitized.</summary>
    public string BodyKo { get; private set; } = "";
    public string? BodyEn { get; private set; }
    public CallStatus Status { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public long BudgetKrw { get; private set; }
    public int MaxAwards { get; private set; }

    /// <summary>Days after the results during which an applicant may appeal (이의신청 기간).</summary>
    public int AppealDays { get; private set; }
    public CallDesign Design { get; private set; } = CallDesign.Empty;
    public DateTimeOffset? ResultsPublishedAt { get; private set; }
    public Guid? CopiedFromId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public List<CallAttachment> Attachments { get; private init; } = [];

    public bool IsOpenAt(DateTimeOffset now) => Status == CallStatus.Published && OpensAt <= now && now <= ClosesAt;

    public bool IsUpcomingAt(DateTimeOffset now) => Status == CallStatus.Published && now < OpensAt;

    public DateTimeOffset? AppealsCloseAt => ResultsPublishedAt?.AddDays(AppealDays);

    public CallState StateAt(DateTimeOffset now) =>
        Status == CallStatus.Draft ? CallState.Draft
        : IsOpenAt(now) ? CallState.Open
        : IsUpcomingAt(now) ? CallState.Upcoming
        : CallState.Closed;

    public static Call Create(Guid programId, CallText text, CallTerms terms, CallDesign design, DateTimeOffset now,
        Guid? copiedFrom = null)
    {
        var call = new Call { Id = Guid.CreateVersion7(), ProgramId = programId, CreatedAt = now, CopiedFromId = copiedFrom,
            Status = CallStatus.Draft };
        call.Update(text, terms, design);
        return call;
    }

    public void Update(CallText text, CallTerms terms, CallDesign design)
    {
        Rule.Require(terms.ClosesAt > terms.OpensAt, "Programs.Call.Error.Dates");
        Rule.Require(terms.BudgetKrw >= 0 && terms.MaxAwards >= 1 && terms.AppealDays >= 0, "Programs.Call.Error.Terms");
        (TitleKo, TitleEn, BodyKo, BodyEn) = (text.TitleKo, text.TitleEn, text.BodyKo, text.BodyEn);
        // Stored in UTC (PostgreSQL's timestamptz takes nothing else); forms hand in KST.
        (OpensAt, ClosesAt) = (terms.OpensAt.ToUniversalTime(), terms.ClosesAt.ToUniversalTime());
        (BudgetKrw, MaxAwards, AppealDays) = (terms.BudgetKrw, terms.MaxAwards, terms.AppealDays);
        Design = design;
    }

    /// <summary>Makes the call public. It needs at least one stage with criteria to be reviewed at all.</summary>
    public void Publish()
    {
        Rule.Require(Design.Stages.Count > 0 && Design.Stages.All(s => s.Criteria.Count > 0), "Programs.Call.Error.NoCriteria");
        Status = CallStatus.Published;
    }

    public void PublishResults(DateTimeOffset now)
    {
        Rule.Require(ResultsPublishedAt is null, "Programs.Call.Error.ResultsPublished");
        ResultsPublishedAt = now;
    }

    /// <summary>A new draft with this call's text, terms and design (공고 복사), dates to be set by the operator.</summary>
    public Call Copy(DateTimeOffset now) =>
        Create(ProgramId, new CallText(TitleKo + " (복사)", TitleEn + " (copy)", BodyKo, BodyEn),
            new CallTerms(OpensAt, ClosesAt, BudgetKrw, MaxAwards, AppealDays), Design, now, Id);
}

public sealed record CallText(string TitleKo, string TitleEn, string BodyKo, string? BodyEn);

public sealed record CallTerms(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, long BudgetKrw, int MaxAwards, int AppealDays);

/// <summary>A file published with a call (공고문, 양식).</summary>
public sealed class CallAttachment
{
    public Guid Id { get; private init; }
    public Guid CallId { get; private init; }
    public string FileName { get; private init; } = "";
    public string StoredName { get; private init; } = "";
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }

    public static CallAttachment Create(Guid callId, StoredFile file) => new()
    {
        Id = Guid.CreateVersion7(), CallId = callId, FileName = file.FileName, StoredName = file.StoredName,
        ContentType = file.ContentType, Size = file.Size,
    };
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("Calls");
        b.Property(c => c.TitleKo).HasMaxLength(300);
        b.Property(c => c.TitleEn).HasMaxLength(300);
        b.Property(c => c.BodyKo).HasMaxLength(50000);
        b.Property(c => c.BodyEn).HasMaxLength(50000);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        // The design is read and written whole, never queried: one JSON column.
        b.Property(c => c.Design).HasJsonConversion(() => CallDesign.Empty).HasColumnName("DesignJson");
        b.HasIndex(c => new { c.Status, c.ClosesAt });
        b.HasOne(c => c.Program).WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallAttachmentConfiguration : IEntityTypeConfiguration<CallAttachment>
{
    public void Configure(EntityTypeBuilder<CallAttachment> b)
    {
        b.ToTable("CallAttachments");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.StoredName).HasMaxLength(100);
        b.Property(a => a.ContentType).HasMaxLength(100);
    }
}
