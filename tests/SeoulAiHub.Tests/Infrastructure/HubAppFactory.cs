using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>
/// The real application in-process, on a real database: a fresh SQLite file in a temporary folder, or a fresh
/// database on the PostgreSQL server that test.sh started. Only the database (and, where a test asks, the clock
/// and mail server) is swapped.
/// </summary>
public sealed class HubAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.seoulaihub.kr";
    public const string AdminPassword = "Admin-Password-2026";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public string Provider { get; }
    public string DataDirectory { get; }
    public string ConnectionString { get; }

    public HubAppFactory(string provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, string? connectionString = null)
    {
        Provider = provider;
        DataDirectory = Directory.CreateTempSubdirectory("hub-test-").FullName;
        ConnectionString = connectionString ?? (provider == DatabaseProvider.Postgres
            ? TestPostgres.CreateDatabase()
            : DatabaseProvider.SqliteConnectionString(DataDirectory));
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Hub"] = ConnectionString,
            ["Hub:DataDirectory"] = DataDirectory,
            ["Hub:AdminEmail"] = AdminEmail,
            ["Hub:AdminPassword"] = AdminPassword,
            ["Hub:DemoPassword"] = "Demo-Password-2026",
            ["Hub:SeedDemoData"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "1",
            ["Smtp:PollSeconds"] = "3600",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the production error pages and headers are what the tests must see.
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            _services?.Invoke(services);
        });
    }

    public HubClient CreateHubClient() => new(this, CreateClient(new WebApplicationClientOptions()));

    private sealed class WebApplicationClientOptions : WebApplicationFactoryClientOptions
    {
        public WebApplicationClientOptions()
        {
            AllowAutoRedirect = false;
            HandleCookies = true;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The PostgreSQL server of this test run: test.sh exports its address in HUB_TEST_POSTGRES.</summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "HUB_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL server, " +
                "or export HUB_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres;Password=…'.");

    /// <summary>Creates an empty database for one test host and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "hub_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }
}
