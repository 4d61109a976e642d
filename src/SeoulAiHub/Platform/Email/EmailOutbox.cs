using System.Net;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Platform.Email;

/// <summary>Queues an email in the database; <see cref="OutboxSender"/> delivers it.</summary>
public sealed class EmailOutbox(HubDb db, TimeProvider clock)
{
    public async Task EnqueueAsync(string to, string subject, string text, string? linkUrl = null, string? linkLabel = null,
        CancellationToken ct = default)
    {
        var html = $"<p>{WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal)}</p>";
        var plain = text;
        if (linkUrl is not null)
        {
            html += $"<p><a href=\"{WebUtility.HtmlEncode(linkUrl)}\">{WebUtility.HtmlEncode(linkLabel ?? linkUrl)}</a></p>";
            plain += "\n\n" + linkUrl;
        }

        db.OutboxMessages.Add(OutboxMessage.Create(to, subject, plain, html, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
