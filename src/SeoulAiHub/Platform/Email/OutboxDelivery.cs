using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Platform.Email;

/// <summary>Sends the messages that are due, one SMTP connection per batch.</summary>
public sealed class OutboxDelivery(HubDb db, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxDelivery> logger)
{
    private const int BatchSize = 50;

    /// <summary>Returns how many messages were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var smtp = options.Value;
        var sent = 0;
        var attempted = new HashSet<Guid>();
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            foreach (var message in due)
            {
                attempted.Add(message.Id);
                try
                {
                    await client.SendAsync(ToMime(message, smtp.From), ct);
                    message.MarkSent(clock.GetUtcNow());
                    sent++;
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException)
                {
                    logger.LogWarning(ex, "Sending email {MessageId} failed", message.Id);
                    message.MarkFailed(clock.GetUtcNow(), ex.Message);
                    if (!client.IsConnected)
                    {
                        break;
                    }
                }
            }

            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Mail server {Host}:{Port} unavailable: {Error}", smtp.Host, smtp.Port, ex.Message);
            foreach (var message in due.Where(m => !attempted.Contains(m.Id)))
            {
                message.MarkFailed(clock.GetUtcNow(), ex.Message);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }

    private static MimeMessage ToMime(OutboxMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
