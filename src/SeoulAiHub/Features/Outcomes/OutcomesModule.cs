using SeoulAiHub.Features.Outcomes.Demo;
using SeoulAiHub.Features.Outcomes.Figures;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>Outcomes and the council's performance report (module 6, 성과관리·운영성과 점검).</summary>
public static class OutcomesModule
{
    public static IServiceCollection AddOutcomesModule(this IServiceCollection services)
    {
        services.AddScoped<OutcomeAccess>();
        services.AddScoped<OutcomeRollups>();
        services.AddScoped<OutcomeFigures>();
        services.AddScoped<CampaignService>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<OutcomeReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<OutcomeReminders>());
        services.AddOutcomeFigures();
        services.AddDemoData<DemoOutcomes>();
        services.AddScoped<SyntheticOutcomes>();
        services.AddSingleton<Platform.Data.IReferenceData, StandardKpiData>();
        return services;
    }
}
