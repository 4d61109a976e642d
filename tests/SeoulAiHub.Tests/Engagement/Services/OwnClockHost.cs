using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Services;

/// <summary>A host of its own whose clock the test moves (overdue items need days to pass).</summary>
internal static class OwnClockHost
{
    /// <summary>10:00 KST on a Monday; the demo hub is seeded relative to it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The hourly overdue run is taken out (it would race the test's own runs whenever the fake clock passes a tick);
    /// the test calls <see cref="ActionReminders.RunOnceAsync"/> itself.
    /// </summary>
    public static async Task<HubAppFactory> StartAsync(string provider, FakeTimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var removed = 0;
        var host = await TestHosts.StartAsync(provider, settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            foreach (var hosted in services.Where(IsActionReminders).ToList())
            {
                services.Remove(hosted);
                removed++;
            }
        });
        _ = host.Services;
        Assert.Equal(1, removed);
        return host;
    }

    /// <summary>EngagementModule registers the reminders as a hosted service through a factory declared in EngagementModule.</summary>
    private static bool IsActionReminders(ServiceDescriptor d) =>
        d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.DeclaringType is { } t &&
        (t == typeof(EngagementModule) || t.DeclaringType == typeof(EngagementModule));
}
