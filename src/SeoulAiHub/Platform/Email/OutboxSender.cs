using Microsoft.Extensions.Options;

namespace SeoulAiHub.Platform.Email;

/// <summary>Background loop that delivers the outbox.</summary>
internal sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a broken database must not end the loop for good.
                logger.LogError(ex, "Outbox delivery failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static class EmailSetup
{
    public static void AddHubEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailLinks>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxSender>();
    }
}
