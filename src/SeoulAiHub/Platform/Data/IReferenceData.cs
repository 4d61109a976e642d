namespace SeoulAiHub.Platform.Data;

/// <summary>
/// Rows a module needs in every database, demo or not (e.g. the standard KPIs). <see cref="DatabaseInitializer"/>
/// ensures them after each migration; each must be idempotent. A module registers its own, so the data layer knows no
/// module.
/// </summary>
public interface IReferenceData
{
    Task EnsureAsync(HubDb db, CancellationToken ct);
}
