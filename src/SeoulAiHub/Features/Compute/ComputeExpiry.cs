namespace SeoulAiHub.Features.Compute;

/// <summary>
/// Ends allocations whose period is over, hourly (an allocation shows as active for at most an hour after its last KST
/// day; usage matching does not depend on it, since expired allocations still take late-imported jobs of their period).
/// </summary>
public sealed class ComputeExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ComputeExpiry> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Expiring GPU allocations failed; next try in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AllocationService>().ExpireDueAsync(ct);
    }
}
