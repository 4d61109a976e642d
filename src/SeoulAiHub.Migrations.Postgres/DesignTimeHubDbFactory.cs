using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add X --project src/SeoulAiHub.Migrations.Postgres --startup-project src/SeoulAiHub.Migrations.Postgres`
/// build the model for Postgres without starting the web application. No database is contacted to add a migration.
/// </summary>
public sealed class DesignTimeHubDbFactory : IDesignTimeDbContextFactory<HubDb>
{
    public HubDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HubDb>();
        DatabaseProvider.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=seoulaihub_design;Username=postgres");
        return new HubDb(options.Options);
    }
}
