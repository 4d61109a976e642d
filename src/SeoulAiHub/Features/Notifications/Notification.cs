using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Notifications;

/// <summary>알림 — an in-app notice to one person (results, reminders …), in both languages, with a link.</summary>
public sealed class Notification
{
    public Guid Id { get; private init; }
    public Guid UserId { get; private init; }
    public string TitleKo { get; private init; } = "";
    public string TitleEn { get; private init; } = "";
    public string? Link { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid userId, string titleKo, string titleEn, string? link, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), UserId = userId, TitleKo = titleKo, TitleEn = titleEn, Link = link, CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.TitleKo).HasMaxLength(300);
        b.Property(n => n.TitleEn).HasMaxLength(300);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasOne<Platform.Identity.HubUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
