using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Email;

namespace SeoulAiHub.Features.Notifications;

/// <summary>
/// Tells an organization's active members something: an in-app notice each, and an email each through the outbox
/// (Korean first, English below, since the recipient's language is not known to the mail).
/// </summary>
public sealed class Notifier(HubDb db, EmailOutbox outbox, EmailLinks links, TimeProvider clock)
{
    public async Task OrganizationAsync(Guid organizationId, string titleKo, string titleEn, string bodyKo, string bodyEn, string link,
        CancellationToken ct = default)
    {
        var members = await db.ActiveMembersAsync(organizationId, ct);
        foreach (var member in members)
        {
            await UserAsync(member.UserId, member.Email, titleKo, titleEn, bodyKo, bodyEn, link, ct);
        }
    }

    public async Task UserAsync(Guid userId, string? email, string titleKo, string titleEn, string bodyKo, string bodyEn, string link,
        CancellationToken ct = default)
    {
        db.Notifications.Add(Notification.Create(userId, titleKo, titleEn, link, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        if (email is not null)
        {
            var url = links.Build(link, new Dictionary<string, string?>());
            await outbox.EnqueueAsync(email, $"[서울AI허브] {titleKo} / {titleEn}", $"{bodyKo}\n\n{bodyEn}", url,
                "서울AI허브에서 보기 / View in Seoul AI Hub", ct);
        }
    }
}
