using SeoulAiHub.Features.Engagement.Demo;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Engagement;

/// <summary>Engagement and oversight (module 7, 현장소통·의정 지원): visits, field opinions, action items, follow-up.</summary>
public static class EngagementModule
{
    public static IServiceCollection AddEngagementModule(this IServiceCollection services)
    {
        services.AddScoped<EngagementAccess>();
        services.AddScoped<OpinionDesk>();
        services.AddScoped<VisitPlanner>();
        services.AddScoped<FollowUpReports>();
        services.AddScoped<BriefingPacks>();
        services.AddScoped<OversightSummaries>();
        services.AddSingleton<ActionReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<ActionReminders>());
        services.AddDemoData<DemoEngagement>();
        services.AddScoped<SyntheticEngagement>();
        return services;
    }
}
