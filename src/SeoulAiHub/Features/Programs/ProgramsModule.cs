using SeoulAiHub.Features.Programs.Demo;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Programs;

/// <summary>Programs, calls, applications, review, selection, agreements (module 2).</summary>
public static class ProgramsModule
{
    public static IServiceCollection AddProgramsModule(this IServiceCollection services)
    {
        services.AddSingleton<DocumentStore>();
        services.AddScoped<ProgramAccess>();
        services.AddScoped<CallService>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<SelectionService>();
        services.AddScoped<AgreementService>();
        services.AddSingleton<MilestoneReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<MilestoneReminders>());
        services.AddDemoData<DemoPrograms>();
        services.AddScoped<SyntheticReview>();
        return services;
    }
}
