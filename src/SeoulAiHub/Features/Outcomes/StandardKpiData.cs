using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>The standard KPIs (<see cref="StandardKpis"/>) exist in every database.</summary>
internal sealed class StandardKpiData : IReferenceData
{
    public Task EnsureAsync(HubDb db, CancellationToken ct) => StandardKpis.EnsureAsync(db, ct);
}
