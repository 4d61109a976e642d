using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// Ends allocations whose period is over, hourly (an allocation shows as active for at most an hour after its last KST
/// day; usage matching does not depend on it, since expired allocations still take late-imported jobs of their period).
/// </summary>
public sealed class ComputeExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ComputeExpiry> log)
    : PeriodicWork(TimeSpan.FromHours(1), clock, log)
{
    protected override string Work => "Expiring GPU allocations";

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AllocationService>().ExpireDueAsync(ct);
    }
}
