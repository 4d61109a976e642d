using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Account;

public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes_but_activity_keeps_it_alive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHosts.StartAsync("Sqlite", services: s => s.AddSingleton<TimeProvider>(clock));
        var user = await host.CreateAsync(HubRoles.Learner);
        using var client = await host.SignedInClientAsync(user);

        clock.Advance(TimeSpan.FromMinutes(25));
        using (var active = await client.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(25));   // 50 minutes after sign-in, 25 after the last request
        using (var stillActive = await client.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.OK, stillActive.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/account/sign-in", expired.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
