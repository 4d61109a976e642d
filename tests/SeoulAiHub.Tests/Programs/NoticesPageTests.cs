using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs;

/// <summary>The notifications page: one's own notices only, marked read at once.</summary>
public sealed class NoticesPageTests
{
    [Theory, OnEveryDatabase]
    public async Task Notifications_page_lists_only_the_users_own_notices_and_marks_them_read(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var (mine, me) = await host.SignedInAsync(HubRoles.TenantMember);
        using var _mine = mine;
        var other = await host.CreateAsync(HubRoles.TenantMember);
        var own = "내 알림 " + Guid.NewGuid().ToString("N")[..6];
        var foreign = "남의 알림 " + Guid.NewGuid().ToString("N")[..6];
        await host.QueryAsync(async db =>
        {
            db.Notifications.Add(SeoulAiHub.Features.Notifications.Notification.Create(me.Id, own, own + " (en)", "/applications",
                DateTimeOffset.UtcNow));
            db.Notifications.Add(SeoulAiHub.Features.Notifications.Notification.Create(other.Id, foreign, foreign + " (en)",
                "/applications", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        var page = await mine.GetDocumentAsync("/notifications");
        var notices = page.QuerySelector("ul.notices")!.TextContent;
        Assert.Contains(own, notices, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign, notices, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("li.notice.unread"));

        using (var read = await mine.SubmitFormAsync("/notifications", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        }

        Assert.Empty((await mine.GetDocumentAsync("/notifications")).QuerySelectorAll("li.notice.unread"));
        Assert.Equal(1, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == other.Id && n.ReadAt == null)));
    }
}
