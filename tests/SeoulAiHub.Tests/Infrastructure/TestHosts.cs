using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>
/// One running host per database provider, shared by the tests that do not change the host itself. Tests stay
/// independent of each other and of their order by making their own users and organizations.
/// </summary>
public static class TestHosts
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<HubAppFactory>>> Hosts = new();

    static TestHosts() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var host in Hosts.Values.Where(h => h.IsValueCreated && h.Value.IsCompletedSuccessfully))
        {
            host.Value.Result.Dispose();
        }
    };

    public static Task<HubAppFactory> GetAsync(string provider) =>
        Hosts.GetOrAdd(provider, p => new Lazy<Task<HubAppFactory>>(() => StartAsync(p))).Value;

    /// <summary>
    /// Starts a host of its own. Program runs as under `dotnet run`, so the database is migrated and holds the
    /// first operator and the demo hub before the first request.
    /// </summary>
    public static Task<HubAppFactory> StartAsync(string provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var factory = new HubAppFactory(provider, settings, services);
        _ = factory.Services;
        return Task.FromResult(factory);
    }

    /// <summary>
    /// A host of its own whose clock the test moves, with the periodic jobs off (<c>Hub:BackgroundJobs</c>): a job's own
    /// run would race the test's whenever the clock passes a tick, so the test calls the job's RunOnceAsync itself.
    /// </summary>
    public static async Task<HubAppFactory> StartWithClockAsync(string provider, FakeTimeProvider clock,
        IDictionary<string, string?>? settings = null)
    {
        var jobsOff = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Hub:BackgroundJobs"] = "false" };
        var host = await StartAsync(provider, jobsOff, services => services.AddSingleton<TimeProvider>(clock));
        var jobs = host.Services.GetServices<IHostedService>().OfType<PeriodicWork>().ToList();
        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            // A loop that runs never ends; the switched-off ones return at once.
            await job.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return host;
    }

    /// <summary>The database goes away under a running host: PostgreSQL refuses connections, the SQLite folder vanishes.</summary>
    public static async Task MakeDatabaseUnreachableAsync(this HubAppFactory host)
    {
        if (host.Provider == DatabaseProvider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(host.ConnectionString).Database;
            await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE {name} ALLOW_CONNECTIONS false; " +
                                  $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';";
            await command.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            Directory.Move(host.DataDirectory, host.DataDirectory + "-gone");
            SqliteConnection.ClearAllPools();
        }
    }
}
