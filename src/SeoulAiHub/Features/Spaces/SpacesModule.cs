using SeoulAiHub.Features.Spaces.Demo;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Spaces;

/// <summary>Sites, floors and rooms; tenancies and the rooms they hold; occupancy.</summary>
public static class SpacesModule
{
    public static IServiceCollection AddSpacesModule(this IServiceCollection services) =>
        services.AddScoped<TenancyService>().AddScoped<OccupancyReport>()
            .AddSingleton<Organizations.IOrganizationPremises, PremisesForOrganizations>()
            .AddDemoData<DemoSpaces>().AddScoped<SyntheticData>();
}
