using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Services;

/// <summary>Owners of action items are told in the app and by email, through a real SMTP conversation.</summary>
[Collection(TestSmtpServer.Collection)]
public sealed class ActionNotificationTests
{
    private const string Title = "격리 GPU 구축 검토";

    [Theory, OnEveryDatabase]
    public async Task Owners_are_told_of_a_new_action_and_once_of_each_overdue_due_date(string provider)
    {
        await using var smtp = TestSmtpServer.Start();
        var clock = new FakeTimeProvider(OwnClockHost.Start);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock,
            new Dictionary<string, string?> { ["Smtp:Port"] = smtp.Port.ToString() });
        var reminders = host.Services.GetRequiredService<ActionReminders>();
        var organization = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var owner = await host.CreateAsync(HubRoles.Operator);
        var newOwner = await host.CreateAsync(HubRoles.Overseer);
        var today = host.Today();
        var opinion = await host.RecordAsync(organization.Id, "보안 과제용 격리 GPU가 필요합니다.", OpinionVisibility.Internal, op.Id);

        var action = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(opinion.Id, Title, "운영사무국", owner.Id,
            today.AddDays(3), op.Id));
        var unowned = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(opinion.Id, "보안 인증 요건 조사", "운영사무국", null,
            today.AddDays(3), op.Id));

        // New: one notice in the app and one mail, delivered over SMTP.
        var notice = Assert.Single(await NoticesAsync(host, owner.Id));
        Assert.Equal(($"새 조치 과제: {Title}", $"New action item: {Title}", $"/engagement/opinions/{opinion.Id}#action-{action.Id}"),
            (notice.TitleKo, notice.TitleEn, notice.Link));
        var created = Assert.Single(await DeliveredAsync(host, smtp, owner.Email, expected: 1));
        Assert.Contains(Title, created.Subject, StringComparison.Ordinal);
        Assert.Contains("새 조치 과제", created.Subject, StringComparison.Ordinal);
        Assert.Contains(today.AddDays(3).ToString("yyyy-MM-dd"), created.TextBody, StringComparison.Ordinal);

        // On the due day nothing; the day after, one overdue notice; the next run sends nothing more.
        clock.Advance(TimeSpan.FromDays(3));
        await reminders.RunOnceAsync();
        Assert.Single(await DeliveredAsync(host, smtp, owner.Email, expected: 1));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await reminders.RunOnceAsync());
        var overdue = (await DeliveredAsync(host, smtp, owner.Email, expected: 2))[1];
        Assert.Contains($"기한이 지난 조치 과제: {Title}", overdue.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await reminders.RunOnceAsync());
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Equal(2, (await DeliveredAsync(host, smtp, owner.Email, expected: 2)).Count);
        Assert.Equal(2, (await NoticesAsync(host, owner.Id)).Count);
        Assert.Null((await ActionAsync(host, unowned.Id)).OverdueNoticeFor);   // nobody to tell

        // A new due date: told again only once that one passes too.
        var newToday = host.Today();
        await host.WithAsync<OpinionDesk>(d => d.RescheduleActionAsync(action.Id, newToday.AddDays(2), "보안 인증 일정 변경", op.Id));
        Assert.Null((await ActionAsync(host, action.Id)).OverdueNoticeFor);
        Assert.Equal(0, await reminders.RunOnceAsync());
        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Equal(0, await reminders.RunOnceAsync());
        var again = await DeliveredAsync(host, smtp, owner.Email, expected: 3);
        Assert.Contains(newToday.AddDays(2).ToString("yyyy-MM-dd"), again[2].TextBody, StringComparison.Ordinal);
        Assert.Equal(newToday.AddDays(2), (await ActionAsync(host, action.Id)).OverdueNoticeFor);

        // Finished items are not chased; a new owner is told it is theirs.
        await host.WithAsync<OpinionDesk>(d => d.MoveActionAsync(action.Id, ActionStatus.Done, "국방 전용 자원 연계를 안내했습니다.", op.Id));
        await host.WithAsync<OpinionDesk>(d => d.ReassignActionAsync(unowned.Id, "서울시 AI정책과", newOwner.Id, op.Id));
        var reassigned = Assert.Single(await DeliveredAsync(host, smtp, newOwner.Email, expected: 1));
        Assert.Contains("새 조치 과제: 보안 인증 요건 조사", reassigned.Subject, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(10));
        await reminders.RunOnceAsync();
        Assert.Equal(3, (await DeliveredAsync(host, smtp, owner.Email, expected: 3)).Count);
        var chased = await DeliveredAsync(host, smtp, newOwner.Email, expected: 2);
        Assert.Contains("기한이 지난 조치 과제: 보안 인증 요건 조사", chased[1].Subject, StringComparison.Ordinal);
    }

    private static Task<List<SeoulAiHub.Features.Notifications.Notification>> NoticesAsync(HubAppFactory host, Guid user) =>
        host.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == user).OrderBy(n => n.CreatedAt).ToListAsync());

    private static Task<ActionItem> ActionAsync(HubAppFactory host, Guid id) =>
        host.QueryAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>Delivers the outbox and returns the mail the server received for the address, oldest first, once
    /// <paramref name="expected"/> arrived (a little patience for the server's store, no more).</summary>
    private static async Task<List<MimeMessage>> DeliveredAsync(HubAppFactory host, TestSmtpServer smtp, string to, int expected)
    {
        await host.DeliverOutboxAsync();
        List<MimeMessage> Received() => [.. smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == to))];
        for (var i = 0; i < 50 && Received().Count < expected; i++)
        {
            await Task.Delay(100);
        }

        return Received();
    }
}
