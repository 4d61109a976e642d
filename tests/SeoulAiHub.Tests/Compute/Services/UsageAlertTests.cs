using Microsoft.EntityFrameworkCore;
using MimeKit;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;

namespace SeoulAiHub.Tests.Compute.Services;

/// <summary>Usage alerts at 80 % and 100 %: once each, to the organization and the operators, in the app and by email.</summary>
[Collection(TestSmtpServer.Collection)]
public sealed class UsageAlertTests
{
    [Theory, OnEveryDatabase]
    public async Task The_organization_and_operators_are_told_once_at_80_and_once_at_100_percent(string provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host =
            await TestHosts.StartAsync(provider, new Dictionary<string, string?> { ["Smtp:Port"] = smtp.Port.ToString() });
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var op = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        var allocation = await ActiveAllocationAsync(host, organization.Id, cluster.Id, "alerts", 10, member.Id, op.Id);

        // 7.5 GPU-hours: below 80 %, nothing.
        await ImportAsync(host, cluster.Id, string.Join('\n', SacctHeader, Job(host, 1, "alerts", 3, 150)), op.Id);
        Assert.Empty(await NoticesAsync(host, member.Id));

        // 8.5: the 80 % alert, to the member and to the operator; importing the same file again sends nothing more.
        var file80 = string.Join('\n', SacctHeader, Job(host, 1, "alerts", 3, 150), Job(host, 2, "alerts", 1, 60));
        await ImportAsync(host, cluster.Id, file80, op.Id);
        await ImportAsync(host, cluster.Id, file80, op.Id);
        Assert.Equal(["GPU 사용량 80% 도달: " + cluster.Name], (await NoticesAsync(host, member.Id)).Select(n => n.TitleKo));
        Assert.Single(await NoticesAsync(host, op.Id));
        var mail80 = Assert.Single(await DeliveredAsync(host, smtp, member.Email, expected: 1));
        Assert.Contains("80%", mail80.Subject, StringComparison.Ordinal);
        Assert.Contains("85%", mail80.TextBody, StringComparison.Ordinal);

        // 10.5: the 100 % alert, once.
        var file100 = string.Join('\n', SacctHeader, Job(host, 3, "alerts", 2, 60));
        await ImportAsync(host, cluster.Id, file100, op.Id);
        await ImportAsync(host, cluster.Id, file100, op.Id);
        Assert.Equal(2, (await NoticesAsync(host, member.Id)).Count);
        Assert.Equal(2, (await NoticesAsync(host, op.Id)).Count);
        var mails = await DeliveredAsync(host, smtp, member.Email, expected: 2);
        Assert.Equal(2, mails.Count);
        Assert.Contains("100%", mails[1].Subject, StringComparison.Ordinal);

        var stored = await AllocationAsync(host, allocation);
        Assert.NotNull(stored.Alert80SentAt);
        Assert.NotNull(stored.Alert100SentAt);
        Assert.Equal([AllocationEventKind.Alert80, AllocationEventKind.Alert100],
            stored.History.Where(h => h.Kind is AllocationEventKind.Alert80 or AllocationEventKind.Alert100).OrderBy(h => h.At)
                .Select(h => h.Kind));
    }

    /// <summary>The usage alerts the person got in the app (the approval notice is not one).</summary>
    private static Task<List<SeoulAiHub.Features.Notifications.Notification>> NoticesAsync(HubAppFactory host, Guid user) =>
        host.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == user && n.TitleKo.StartsWith("GPU 사용량"))
            .OrderBy(n => n.CreatedAt).ToListAsync());

    private static async Task<List<MimeMessage>> DeliveredAsync(HubAppFactory host, TestSmtpServer smtp, string to, int expected)
    {
        await host.DeliverOutboxAsync();
        List<MimeMessage> Received() => [.. smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == to) &&
            (m.Subject ?? "").Contains("GPU 사용량", StringComparison.Ordinal))];
        for (var i = 0; i < 50 && Received().Count < expected; i++)
        {
            await Task.Delay(100);
        }

        return Received();
    }
}
