using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/SeoulAiHub.Migrations.Sqlite --startup-project src/SeoulAiHub.Migrations.Sqlite`
/// build the model for Sqlite without starting the web application. No database is contacted to add a migration.
/// </summary>
public sealed class DesignTimeHubDbFactory : IDesignTimeDbContextFactory<HubDb>
{
    public HubDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HubDb>();
        DatabaseProvider.Configure(options, DatabaseProvider.Sqlite, DatabaseProvider.SqliteConnectionString(Path.GetTempPath()));
        return new HubDb(options.Options);
    }
}
