using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SeoulAiHub.Platform.Data;

/// <summary>
/// Healthy when a query reaches the database. (EF's own CanConnect only looks for the file on SQLite, which says
/// nothing about whether it can be opened and read.)
/// </summary>
internal sealed class DatabaseHealthCheck(HubDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
