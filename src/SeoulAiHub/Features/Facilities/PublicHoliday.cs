using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>공휴일 — a KST date on which facilities are closed unless they allow holidays.</summary>
public sealed class PublicHoliday
{
    public const int MaxName = 100;

    public Guid Id { get; private init; }
    public DateOnly Date { get; private init; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    public static PublicHoliday Create(DateOnly date, string? nameKo, string? nameEn) => new()
    {
        Id = Guid.CreateVersion7(), Date = date, NameKo = Text(nameKo, MaxName, "Facilities.Error.HolidayName"),
        NameEn = Optional(nameEn, MaxName) ?? Text(nameKo, MaxName, "Facilities.Error.HolidayName"),
    };

    public void Rename(string? nameKo, string? nameEn)
    {
        NameKo = Text(nameKo, MaxName, "Facilities.Error.HolidayName");
        NameEn = Optional(nameEn, MaxName) ?? NameKo;
    }

    public string Name(bool english) => english ? NameEn : NameKo;
}

/// <summary>월 이용 한도 — an organization's own monthly hours, instead of the default.</summary>
public sealed class FacilityQuota
{
    public Guid OrganizationId { get; private init; }
    public int MonthlyHours { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static FacilityQuota Create(Guid organizationId, int monthlyHours, DateTimeOffset now)
    {
        var quota = new FacilityQuota { OrganizationId = organizationId };
        quota.Set(monthlyHours, now);
        return quota;
    }

    public void Set(int monthlyHours, DateTimeOffset now)
    {
        Require(monthlyHours is >= 0 and <= 1000, "Facilities.Error.QuotaHours");
        MonthlyHours = monthlyHours;
        UpdatedAt = now.ToUniversalTime();
    }
}

/// <summary>캘린더 구독 토큰 — a calendar app's key to a person's feeds; only its SHA-256 is stored, and a new one revokes the old.</summary>
public sealed class FacilityFeedToken
{
    public Guid UserId { get; private init; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static FacilityFeedToken Create(Guid userId, string tokenHash, DateTimeOffset now) =>
        new() { UserId = userId, TokenHash = tokenHash, CreatedAt = now.ToUniversalTime() };

    public void Replace(string tokenHash, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        CreatedAt = now.ToUniversalTime();
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.ToTable("PublicHolidays");
        b.Property(x => x.NameKo).HasMaxLength(PublicHoliday.MaxName);
        b.Property(x => x.NameEn).HasMaxLength(PublicHoliday.MaxName);
        b.HasIndex(x => x.Date).IsUnique();
    }
}

internal sealed class FacilityQuotaConfiguration : IEntityTypeConfiguration<FacilityQuota>
{
    public void Configure(EntityTypeBuilder<FacilityQuota> b)
    {
        b.ToTable("FacilityQuotas");
        b.HasKey(x => x.OrganizationId);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FacilityFeedTokenConfiguration : IEntityTypeConfiguration<FacilityFeedToken>
{
    public void Configure(EntityTypeBuilder<FacilityFeedToken> b)
    {
        b.ToTable("FacilityFeedTokens");
        b.HasKey(x => x.UserId);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Platform.Identity.HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
