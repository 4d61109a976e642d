using SeoulAiHub.Features.Facilities.Demo;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Facilities;

/// <summary>Facility booking (module 3, 시설 예약): rooms, bookings, series, waitlist, quotas, holidays, availability search.</summary>
public static class FacilitiesModule
{
    public static IServiceCollection AddFacilitiesModule(this IServiceCollection services)
    {
        services.AddOptions<FacilitiesOptions>().BindConfiguration(FacilitiesOptions.Section);
        services.AddScoped<FacilitiesAccess>();
        services.AddScoped<Quota>();
        services.AddScoped<HolidayCalendar>();
        services.AddScoped<BookingDesk>();
        services.AddScoped<AvailabilitySearch>();
        services.AddScoped<BookingBoard>();
        services.AddScoped<FacilityCatalog>();
        services.AddScoped<FacilityFeeds>();
        services.AddScoped<UtilizationReports>();
        services.AddSingleton<FacilityKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<FacilityKeeper>());
        services.AddDemoData<DemoFacilities>();
        services.AddScoped<SyntheticFacilities>();
        return services;
    }
}
