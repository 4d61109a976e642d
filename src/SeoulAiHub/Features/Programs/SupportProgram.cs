using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Programs;

/// <summary>지원사업 유형 — the kinds of program the hub runs (docs/product.md, "Support programs").</summary>
public enum ProgramKind
{
    TenantRecruitment,
    RndGrant,
    Incubation,
    Demonstration,
    Education,
    GlobalExpansion,
    GpuSupport,
}

/// <summary>지원사업 — a program (R&amp;D support, a cohort, tenant recruitment …); each runs one or more calls.</summary>
public sealed class SupportProgram
{
    public Guid Id { get; private init; }
    public ProgramKind Kind { get; private set; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? SummaryKo { get; private set; }
    public string? SummaryEn { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }

    public static SupportProgram Create(ProgramKind kind, string nameKo, string nameEn, string? summaryKo, string? summaryEn,
        DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), Kind = kind, NameKo = nameKo, NameEn = nameEn, SummaryKo = summaryKo,
            SummaryEn = summaryEn, CreatedAt = now };

    public void Update(ProgramKind kind, string nameKo, string nameEn, string? summaryKo, string? summaryEn)
    {
        (Kind, NameKo, NameEn, SummaryKo, SummaryEn) = (kind, nameKo, nameEn, summaryKo, summaryEn);
    }
}

internal sealed class SupportProgramConfiguration : IEntityTypeConfiguration<SupportProgram>
{
    public void Configure(EntityTypeBuilder<SupportProgram> b)
    {
        b.ToTable("Programs");
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.NameKo).HasMaxLength(200);
        b.Property(p => p.NameEn).HasMaxLength(200);
        b.Property(p => p.SummaryKo).HasMaxLength(2000);
        b.Property(p => p.SummaryEn).HasMaxLength(2000);
    }
}
