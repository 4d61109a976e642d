namespace SeoulAiHub.Platform.Time;

/// <summary>
/// A background job that runs at start-up and then every <c>interval</c>. A failed run is logged and tried again at the
/// next tick; it never ends the loop. Jobs keep their own <c>RunOnceAsync</c> for tests and return what it did.
/// </summary>
public abstract class PeriodicWork(TimeSpan interval, TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock => clock;

    /// <summary>What the job does, for the log line of a failed run.</summary>
    protected abstract string Work { get; }

    protected abstract Task RunAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "{Work} failed; next try in {Interval}", Work, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
