using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

[Collection(TestSmtpServer.Collection)]
public sealed class OutboxDeliveryTests
{
    [Theory, OnEveryDatabase]
    public async Task A_message_survives_a_failing_mail_server_and_is_delivered_when_it_returns(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var port = TestSmtpServer.FreePort();
        await using var host = await TestHosts.StartAsync(provider,
            new Dictionary<string, string?> { ["Smtp:Port"] = port.ToString() },
            services => services.AddSingleton<TimeProvider>(clock));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().EnqueueAsync("someone@test.seoulaihub.kr", "안내", "본문");
        }

        // Nobody listens on the port yet: the attempt fails, the message stays, the next try is scheduled.
        Assert.Equal(0, await host.DeliverOutboxAsync());
        var waiting = await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(waiting.SentAt);
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.LastError);
        Assert.Equal("본문", waiting.TextBody);

        await using var smtp = TestSmtpServer.Start(port);
        Assert.Equal(0, await host.DeliverOutboxAsync());   // not due yet: it backs off
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await host.DeliverOutboxAsync());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("안내", mail.Subject);
        Assert.Contains("본문", mail.TextBody, StringComparison.Ordinal);
        var sent = await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
    }
}
