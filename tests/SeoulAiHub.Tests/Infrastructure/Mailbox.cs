using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Platform.Email;

namespace SeoulAiHub.Tests.Infrastructure;

public static partial class Mailbox
{
    /// <summary>The newest message queued for the address (the outbox is the application's own record of mail).</summary>
    public static Task<OutboxMessage?> LatestOutboxMessageAsync(this HubAppFactory host, string to) =>
        host.QueryAsync(db => db.OutboxMessages.Where(m => m.To == to).OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync());

    public static async Task<int> DeliverOutboxAsync(this HubAppFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
    }

    /// <summary>The first link to this application in a mail body, as a path and query the test client can follow.</summary>
    public static string LinkIn(string body, string path)
    {
        var match = LinkPattern().Matches(body).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath == path);
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
