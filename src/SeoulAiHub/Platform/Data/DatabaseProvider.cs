using Microsoft.EntityFrameworkCore;

namespace SeoulAiHub.Platform.Data;

/// <summary>The one switch that picks the database provider and its migrations assembly.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string Normalize(string? provider) => provider?.Trim() switch
    {
        null or "" => Sqlite,
        var p when p.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) => Sqlite,
        var p when p.Equals(Postgres, StringComparison.OrdinalIgnoreCase)
                || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => Postgres,
        var p => throw new InvalidOperationException(
            $"Database:Provider '{p}' is not supported; use '{Sqlite}' (default) or '{Postgres}'."),
    };

    public static string SqliteConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, "hub.db")};Pooling=True";

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        MigrationsAssemblies.EnsureResolvable();
        switch (provider)
        {
            case Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("SeoulAiHub.Migrations.Sqlite"));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("SeoulAiHub.Migrations.Postgres"));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {provider}");
        }
    }
}
