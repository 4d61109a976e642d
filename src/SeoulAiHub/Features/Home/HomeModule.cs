namespace SeoulAiHub.Features.Home;

/// <summary>The public front page and the hub's live figures.</summary>
public static class HomeModule
{
    public static IServiceCollection AddHomeModule(this IServiceCollection services) =>
        services.AddScoped<HubFigures>();
}
