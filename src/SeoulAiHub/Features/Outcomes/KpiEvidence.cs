using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>증빙 — a file backing one KPI value (a tax invoice, an investment contract, a patent certificate).</summary>
public sealed class KpiEvidence
{
    public Guid Id { get; private init; }
    public Guid TaskId { get; private init; }
    public Guid KpiId { get; private init; }
    public string FileName { get; private init; } = "";
    public string StoredName { get; private init; } = "";
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }
    public DateTimeOffset UploadedAt { get; private init; }
    public Guid UploadedBy { get; private init; }

    internal static KpiEvidence For(Guid taskId, Guid kpiId, StoredFile file, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), TaskId = taskId, KpiId = kpiId, FileName = file.FileName, StoredName = file.StoredName,
        ContentType = file.ContentType, Size = file.Size, UploadedAt = now.ToUniversalTime(), UploadedBy = by,
    };
}

internal sealed class KpiEvidenceConfiguration : IEntityTypeConfiguration<KpiEvidence>
{
    public void Configure(EntityTypeBuilder<KpiEvidence> b)
    {
        b.ToTable("KpiEvidence");
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.StoredName).HasMaxLength(64);
        b.Property(e => e.ContentType).HasMaxLength(100);
    }
}
