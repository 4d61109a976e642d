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

/// <summary>입주 상태 — where an organization stands in the hub's tenancy lifecycle (its latest tenancy).</summary>
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

/// <summary>What an organization's own members may change: everything but type, registration number and tenancy.</summary>
public sealed record OrganizationProfile(
    string NameKo,
    string NameEn,
    DateOnly? FoundedOn,
    int? Headcount,
    string? Summary,
    string? Description,
    string? Website,
    string? ContactEmail,
    string? ContactPhone);

/// <summary>기관 — a company, school, institute or public body known to the hub.</summary>
public sealed class Organization
{
    public Guid Id { get; private init; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public OrganizationType Type { get; private set; }

    /// <summary>Summary of the latest tenancy, kept in step by the tenancy service (filters and counts need no join).</summary>
    public TenancyStatus TenancyStatus { get; private set; }

    /// <summary>Ten digits, unique when present; null for bodies without one (e.g. military units).</summary>
    public string? BusinessRegistrationNumber { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public int? Headcount { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>Markdown; rendered sanitized.</summary>
    public string? Description { get; private set; }
    public string? Website { get; private set; }

    /// <summary>Contact data is private: members, operators and overseers see it, the public does not.</summary>
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    /// <summary>File name of the logo under the data folder's files/logos.</summary>
    public string? LogoFile { get; private set; }
    public List<TechnologyDomain> Domains { get; private init; } = [];
    public List<Industry> Industries { get; private init; } = [];
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

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
            UpdatedAt = createdAt,
            Website = website,
            Summary = summary,
        };
    }

    public string Name(bool english) => english ? NameEn : NameKo;

    public OrganizationProfile Profile => new(NameKo, NameEn, FoundedOn, Headcount, Summary, Description, Website,
        ContactEmail, ContactPhone);

    public void UpdateProfile(OrganizationProfile profile, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.NameKo);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.NameEn);
        NameKo = profile.NameKo.Trim();
        NameEn = profile.NameEn.Trim();
        FoundedOn = profile.FoundedOn;
        Headcount = profile.Headcount;
        Summary = Blank(profile.Summary);
        Description = Blank(profile.Description);
        Website = Blank(profile.Website);
        ContactEmail = Blank(profile.ContactEmail);
        ContactPhone = Blank(profile.ContactPhone);
        UpdatedAt = now;
    }

    /// <summary>Operators only: the facts members may not change about themselves.</summary>
    public void SetOfficialDetails(OrganizationType type, string? businessRegistrationNumber, DateTimeOffset now)
    {
        if (businessRegistrationNumber is not null &&
            Organizations.BusinessRegistrationNumber.Normalize(businessRegistrationNumber) is null)
        {
            throw new ArgumentException("Invalid business registration number.", nameof(businessRegistrationNumber));
        }

        Type = type;
        BusinessRegistrationNumber = Organizations.BusinessRegistrationNumber.Normalize(businessRegistrationNumber);
        UpdatedAt = now;
    }

    public void SetClassification(IEnumerable<TechnologyDomain> domains, IEnumerable<Industry> industries, DateTimeOffset now)
    {
        Domains.Clear();
        Domains.AddRange(domains.DistinctBy(d => d.Id));
        Industries.Clear();
        Industries.AddRange(industries.DistinctBy(i => i.Id));
        UpdatedAt = now;
    }

    public void SetLogo(string? fileName, DateTimeOffset now)
    {
        LogoFile = fileName;
        UpdatedAt = now;
    }

    internal void SetTenancyStatus(TenancyStatus status, DateTimeOffset now)
    {
        TenancyStatus = status;
        UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
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
        b.Property(o => o.BusinessRegistrationNumber).HasMaxLength(10).IsFixedLength();
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Summary).HasMaxLength(2000);
        b.Property(o => o.Description).HasMaxLength(20000);
        b.Property(o => o.ContactEmail).HasMaxLength(256);
        b.Property(o => o.ContactPhone).HasMaxLength(40);
        b.Property(o => o.LogoFile).HasMaxLength(100);
        b.HasIndex(o => o.NameKo);
        b.HasIndex(o => o.NameEn);
        b.HasIndex(o => o.TenancyStatus);
        b.HasIndex(o => o.UpdatedAt);   // the directory index asks for the latest change
        b.HasIndex(o => o.BusinessRegistrationNumber).IsUnique();
        b.HasMany(o => o.Domains).WithMany().UsingEntity("OrganizationDomains");
        b.HasMany(o => o.Industries).WithMany().UsingEntity("OrganizationIndustries");
    }
}
