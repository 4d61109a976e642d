using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Platform.Email;

/// <summary>
/// An email waiting to be sent (발송 대기 메일). It is committed before any SMTP conversation, so a failing
/// mail server delays a message but never loses it; failed attempts back off exponentially.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private init; }
    public string To { get; private init; } = "";
    public string Subject { get; private init; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(string to, string subject, string textBody, string htmlBody, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        To = to,
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
        // The bodies carry one-time links (password reset, confirmation): once delivered they are not kept.
        TextBody = "";
        HtmlBody = "";
    }

    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        var delay = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Attempts - 1), 3600));
        NextAttemptAt = now + delay;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
