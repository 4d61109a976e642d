namespace SeoulAiHub.Platform.Time;

/// <summary>
/// A background job that runs at start-up and then every <c>interval</c>. A failed run is logged and tried again at the
/// next tick; it never ends the loop. Jobs keep their own <c>RunOnceAsync</c> for tests and return what it did.
/// With <c>Hub:BackgroundJobs</c> off the loop does not run at all (see <see cref="Off"/>).
/// </summary>
public abstract class PeriodicWork(TimeSpan interval, TimeProvider clock, ILogger log) : BackgroundService
{
    private bool _off;

    protected TimeProvider Clock => clock;

    /// <summary>What the job does, for the log line of a failed run.</summary>
    protected abstract string Work { get; }

    protected abstract Task RunAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_off)
        {
            return;
        }

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

    /// <summary>
    /// Registered when <c>Hub:BackgroundJobs</c> is off: turns every job's loop off before the host starts the jobs.
    /// The jobs stay registered, so <c>RunOnceAsync</c> still works. The modules build their jobs without the hub's
    /// options, so this reaches them through the host's hosted services; the host calls every
    /// <see cref="IHostedLifecycleService.StartingAsync"/> before any <see cref="IHostedService.StartAsync"/>.
    /// </summary>
    internal sealed class Off(IServiceProvider services) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken)
        {
            foreach (var work in services.GetServices<IHostedService>().OfType<PeriodicWork>())
            {
                work._off = true;
            }

            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
