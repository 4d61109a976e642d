using Microsoft.EntityFrameworkCore.Diagnostics;
using SeoulAiHub.Platform.Audit;

namespace SeoulAiHub.Platform.Data;

internal static class DataSetup
{
    public static void AddHubData(this WebApplicationBuilder builder, HubOptions hub)
    {
        var provider = DatabaseProvider.Normalize(builder.Configuration["Database:Provider"]);
        var connectionString = builder.Configuration.GetConnectionString("Hub");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseProvider.SqliteConnectionString(hub.DataDirectoryFullPath)
                : throw new InvalidOperationException(
                    "ConnectionStrings:Hub is required when Database:Provider is Postgres " +
                    "(e.g. ConnectionStrings__Hub='Host=localhost;Database=seoulaihub;Username=hub;Password=…').");
        }

        builder.Services.AddDbContext<HubDb>((services, options) =>
        {
            DatabaseProvider.Configure(options, provider, connectionString);
            options.AddInterceptors(services.GetRequiredService<AuditInterceptor>());
            // Modules register their own (e.g. the directory's invalidation) without the platform knowing them.
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddScoped<DatabaseInitializer>();
    }
}
