using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Spaces;

/// <summary>공간 유형 — what a room is used for.</summary>
public enum RoomKind
{
    Office,
    Lab,
    SharedDesk,
}

/// <summary>거점 — a building of the hub or of the district (e.g. the Seoul AI Hub at Taebong-ro).</summary>
public sealed class Site
{
    public Guid Id { get; private init; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Address { get; private set; } = "";
    public List<Floor> Floors { get; private init; } = [];

    public static Site Create(string nameKo, string nameEn, string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameKo);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        return new Site { Id = Guid.CreateVersion7(), NameKo = nameKo.Trim(), NameEn = nameEn.Trim(), Address = address.Trim() };
    }

    public string Name(bool english) => english ? NameEn : NameKo;
}

/// <summary>층 — a floor of a site; Level 1 is the ground floor, negative levels are basements.</summary>
public sealed class Floor
{
    public Guid Id { get; private init; }
    public Guid SiteId { get; private init; }
    public Site Site { get; private init; } = null!;
    public int Level { get; private set; }
    public List<Room> Rooms { get; private init; } = [];

    public static Floor Create(Site site, int level) => new() { Id = Guid.CreateVersion7(), SiteId = site.Id, Level = level };

    public string Label(bool english) => Level > 0
        ? english ? $"Floor {Level}" : $"{Level}층"
        : english ? $"Basement {-Level}" : $"지하 {-Level}층";
}

/// <summary>호실 — an office, lab or shared-desk area that a tenancy can occupy.</summary>
public sealed class Room
{
    public Guid Id { get; private init; }
    public Guid FloorId { get; private init; }
    public Floor Floor { get; private init; } = null!;
    public string Number { get; private set; } = "";
    public RoomKind Kind { get; private set; }

    /// <summary>Net area in square metres.</summary>
    public decimal AreaM2 { get; private set; }

    public static Room Create(Floor floor, string number, RoomKind kind, decimal areaM2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(areaM2);
        return new Room { Id = Guid.CreateVersion7(), FloorId = floor.Id, Number = number.Trim(), Kind = kind, AreaM2 = areaM2 };
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("Sites");
        b.Property(s => s.NameKo).HasMaxLength(200);
        b.Property(s => s.NameEn).HasMaxLength(200);
        b.Property(s => s.Address).HasMaxLength(300);
        b.HasMany(s => s.Floors).WithOne(f => f.Site).HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FloorConfiguration : IEntityTypeConfiguration<Floor>
{
    public void Configure(EntityTypeBuilder<Floor> b)
    {
        b.ToTable("Floors");
        b.HasIndex(f => new { f.SiteId, f.Level }).IsUnique();
        b.HasMany(f => f.Rooms).WithOne(r => r.Floor).HasForeignKey(r => r.FloorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.ToTable("Rooms");
        b.Property(r => r.Number).HasMaxLength(20);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.AreaM2).HasPrecision(8, 2);
        b.HasIndex(r => new { r.FloorId, r.Number }).IsUnique();
    }
}
