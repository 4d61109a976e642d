using SeoulAiHub.Platform.Email;

namespace SeoulAiHub.Tests.Platform;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failed_attempts_back_off_exponentially_up_to_an_hour()
    {
        var message = OutboxMessage.Create("a@b.kr", "s", "t", "<p>t</p>", Now);
        message.MarkFailed(Now, "down");
        Assert.Equal(Now.AddSeconds(30), message.NextAttemptAt);
        message.MarkFailed(Now, "down");
        Assert.Equal(Now.AddSeconds(60), message.NextAttemptAt);
        for (var i = 0; i < 10; i++)
        {
            message.MarkFailed(Now, "down");
        }

        Assert.Equal(Now.AddHours(1), message.NextAttemptAt);
        Assert.Equal(12, message.Attempts);
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void A_sent_message_forgets_its_one_time_links()
    {
        var message = OutboxMessage.Create("a@b.kr", "s", "secret link", "<a>secret</a>", Now);
        message.MarkSent(Now);
        Assert.Equal(Now, message.SentAt);
        Assert.Empty(message.TextBody);
        Assert.Empty(message.HtmlBody);
    }
}
