using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Organizations;

/// <summary>기관 유형 — kind of organization.</summary>
public enum OrganizationType
{
    Startup,
    Sme,
    Enterprise,
    University,
    ResearchInstitute,
    Association,
    PublicAgency,
    Military,
}

/// <summary>입주 상태 — where an organization stands in the hub's tenancy lifecycle.</summary>
public enum TenancyStatus
{
    /// <summary>Not a tenant (e.g. a demand organization or a partner).</summary>
    None,
    Applied,
    Admitted,
    Resident,
    Graduated,
    Exited,
}

/// <summary>기관 — a company, school, institute or public body known to the hub.</summary>
public sealed class Organization
{
    public Guid Id { get; private init; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public OrganizationType Type { get; private set; }
    public TenancyStatus TenancyStatus { get; private set; }
    public string? Website { get; private set; }
    public string? Summary { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }

    public static Organization Create(string nameKo, string nameEn, OrganizationType type, TenancyStatus status,
        DateTimeOffset createdAt, string? website = null, string? summary = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameKo);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        return new Organization
        {
            Id = Guid.CreateVersion7(),
            NameKo = nameKo.Trim(),
            NameEn = nameEn.Trim(),
            Type = type,
            TenancyStatus = status,
            CreatedAt = createdAt,
            Website = website,
            Summary = summary,
        };
    }

    public string Name(bool english) => english ? NameEn : NameKo;
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.Property(o => o.NameKo).HasMaxLength(200);
        b.Property(o => o.NameEn).HasMaxLength(200);
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.TenancyStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Summary).HasMaxLength(2000);
        b.HasIndex(o => o.NameKo);
        b.HasIndex(o => o.NameEn);
        b.HasIndex(o => o.TenancyStatus);
    }
}
