using SeoulAiHub.Features.Compute.Demo;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Compute;

/// <summary>GPU compute allocation (module 3, GPU 연산 자원): clusters, allocations, Slurm usage import, reports.</summary>
public static class ComputeModule
{
    public static IServiceCollection AddComputeModule(this IServiceCollection services)
    {
        services.AddScoped<ComputeAccess>();
        services.AddScoped<ComputeCatalog>();
        services.AddScoped<AllocationService>();
        services.AddScoped<ComputeAlerts>();
        services.AddScoped<UsageImporter>();
        services.AddScoped<ComputeReports>();
        services.AddSingleton<ComputeExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<ComputeExpiry>());
        services.AddDemoData<DemoCompute>();
        return services;
    }
}
