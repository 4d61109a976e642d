using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>One KPI value in a report, with the reporter's note, the outlier flags and the operator's verdict.</summary>
public sealed class KpiLine
{
    public Guid Id { get; private init; }
    public Guid TaskId { get; private init; }
    public Guid KpiId { get; private init; }
    public long? Value { get; private set; }
    public string? Note { get; private set; }
    public OutlierFlags Outliers { get; private set; }
    public LineReview Review { get; private set; }
    public string? ReviewComment { get; private set; }

    internal static KpiLine For(Guid taskId, Guid kpiId) => new() { Id = Guid.CreateVersion7(), TaskId = taskId, KpiId = kpiId };

    internal void Set(long? value, string? note)
    {
        Rule.Require(note is null || note.Trim().Length <= MaxText, "Outcomes.Campaign.Error.TooLong", MaxText);
        Value = value;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    internal void Flag(OutlierFlags flags) => Outliers = flags;

    /// <summary>Longest note or comment: the column's size, checked here so no database refuses it later.</summary>
    public const int MaxText = 2000;

    internal void Accept(string? comment) => (Review, ReviewComment) = (LineReview.Accepted,
        string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());

    internal void Return(string comment) => (Review, ReviewComment) = (LineReview.Returned, comment.Trim());

    /// <summary>A fixed value goes back to review; the comment stays so the operator sees what was asked.</summary>
    internal void Reopen() => Review = LineReview.Pending;
}

internal sealed class KpiLineConfiguration : IEntityTypeConfiguration<KpiLine>
{
    public void Configure(EntityTypeBuilder<KpiLine> b)
    {
        b.ToTable("KpiLines");
        b.HasIndex(l => new { l.TaskId, l.KpiId }).IsUnique();
        b.HasOne<KpiDefinition>().WithMany().HasForeignKey(l => l.KpiId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Note).HasMaxLength(2000);
        b.Property(l => l.ReviewComment).HasMaxLength(2000);
        b.Property(l => l.Review).HasConversion<string>().HasMaxLength(16);
    }
}
