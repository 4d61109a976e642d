namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>The figures side of outcomes: dashboards, open data, the performance report and its exports.</summary>
public static class FiguresModule
{
    public static IServiceCollection AddOutcomeFigures(this IServiceCollection services)
    {
        services.AddScoped<FigureQueries>();
        services.AddScoped<FigureSheets>();
        services.AddScoped<ProgramEffects>();
        services.AddScoped<PerformanceReports>();
        return services;
    }
}
