using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SeoulAiHub.Features.Organizations.Demo;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Features.Organizations;

/// <summary>Organizations: the directory, profiles, logos, members and invitations, the CSV import.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, OrganizationAuthorizationHandler>();
        services.AddSingleton<DirectoryIndex>();
        services.AddSingleton<IInterceptor, DirectoryInvalidation>();   // HubDb takes every registered interceptor
        services.AddScoped<OrganizationEditor>();
        services.AddScoped<OrganizationCsv>();
        services.AddSingleton<LogoStore>();
        services.AddScoped<InvitationService>();
        services.AddDemoData<DemoOrganizations>();
        return services;
    }
}
