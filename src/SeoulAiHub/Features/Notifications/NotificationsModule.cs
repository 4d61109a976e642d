namespace SeoulAiHub.Features.Notifications;

/// <summary>In-app notices (also sent by email through the outbox), which every other module writes through Notifier.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services) =>
        services.AddScoped<Notifier>();
}
