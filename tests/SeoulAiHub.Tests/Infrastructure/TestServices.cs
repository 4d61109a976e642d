using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>The application's own services in a scope of their own, as a request would get them.</summary>
public static class TestServices
{
    public static async Task<T> WithAsync<TService, T>(this HubAppFactory host, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task WithAsync<TService>(this HubAppFactory host, Func<TService, Task> work)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Today in Seoul by the host's clock (the test's own where it moves time).</summary>
    public static DateOnly Today(this HubAppFactory host) => Kst.Today(host.Services.GetRequiredService<TimeProvider>());
}
