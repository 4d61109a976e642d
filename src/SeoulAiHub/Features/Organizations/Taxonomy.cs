using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Organizations;

/// <summary>A term of an operator-managed taxonomy, named in both languages.</summary>
public abstract class TaxonomyTerm
{
    public Guid Id { get; protected init; }

    /// <summary>Stable short code used in URLs, filters and CSV files, e.g. "language" or "healthcare".</summary>
    public string Code { get; protected set; } = "";
    public string NameKo { get; protected set; } = "";
    public string NameEn { get; protected set; } = "";
    public int SortOrder { get; protected set; }

    public string Name(bool english) => english ? NameEn : NameKo;

    public void Rename(string nameKo, string nameEn, int sortOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameKo);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        NameKo = nameKo.Trim();
        NameEn = nameEn.Trim();
        SortOrder = sortOrder;
    }

    protected static T New<T>(string code, string nameKo, string nameEn, int sortOrder) where T : TaxonomyTerm, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var term = new T { Id = Guid.CreateVersion7(), Code = code.Trim().ToLowerInvariant() };
        term.Rename(nameKo, nameEn, sortOrder);
        return term;
    }
}

/// <summary>AI 기술 분야 — language, vision, speech, generative AI, robotics, AI semiconductors, data …</summary>
public sealed class TechnologyDomain : TaxonomyTerm
{
    public static TechnologyDomain Create(string code, string nameKo, string nameEn, int sortOrder = 0) =>
        New<TechnologyDomain>(code, nameKo, nameEn, sortOrder);
}

/// <summary>적용 산업 — manufacturing, finance, education, healthcare, public …</summary>
public sealed class Industry : TaxonomyTerm
{
    public static Industry Create(string code, string nameKo, string nameEn, int sortOrder = 0) =>
        New<Industry>(code, nameKo, nameEn, sortOrder);
}

internal sealed class TechnologyDomainConfiguration : IEntityTypeConfiguration<TechnologyDomain>
{
    public void Configure(EntityTypeBuilder<TechnologyDomain> b)
    {
        b.ToTable("TechnologyDomains");
        TaxonomyColumns.Configure(b);
    }
}

internal sealed class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> b)
    {
        b.ToTable("Industries");
        TaxonomyColumns.Configure(b);
    }
}

internal static class TaxonomyColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : TaxonomyTerm
    {
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.NameKo).HasMaxLength(100);
        b.Property(t => t.NameEn).HasMaxLength(100);
        b.HasIndex(t => t.Code).IsUnique();
    }
}
