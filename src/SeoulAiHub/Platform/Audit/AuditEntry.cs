using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Platform.Audit;

/// <summary>
/// One line of the audit log (감사 기록): who did what to which record, when (UTC) and from where.
/// Append-only: the application refuses to change or delete a row, and the database has triggers that refuse too.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private init; }
    public Guid? ActorId { get; private init; }
    public string Actor { get; private init; } = "";
    public string? IpAddress { get; private init; }
    public string Action { get; private init; } = "";
    public string? EntityType { get; private init; }
    public string? EntityId { get; private init; }
    public string? Details { get; private init; }

    public static AuditEntry Create(DateTimeOffset at, AuditActor actor, string action,
        string? entityType = null, string? entityId = null, string? details = null) => new()
    {
        At = at,
        ActorId = actor.UserId,
        Actor = Truncate(actor.Name, 256)!,
        IpAddress = actor.IpAddress,
        Action = action,
        EntityType = entityType,
        EntityId = Truncate(entityId, 128),
        Details = Truncate(details, 2000),
    };

    private static string? Truncate(string? value, int max) =>
        value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}

/// <summary>Who is acting: a signed-in user, an anonymous visitor, or the system (command line, background jobs).</summary>
public sealed record AuditActor(Guid? UserId, string Name, string? IpAddress)
{
    public static readonly AuditActor System = new(null, "system", null);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(128);
        b.Property(e => e.EntityId).HasMaxLength(128);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.ActorId);
    }
}
