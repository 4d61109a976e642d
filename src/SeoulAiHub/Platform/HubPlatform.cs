using Microsoft.AspNetCore.DataProtection;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Platform.Errors;
using SeoulAiHub.Platform.Files;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Platform;

/// <summary>Wires the cross-cutting parts every module stands on.</summary>
public static class HubPlatform
{
    public static WebApplicationBuilder AddHubPlatform(this WebApplicationBuilder builder)
    {
        var hub = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        builder.Services.Configure<HubOptions>(builder.Configuration.GetSection(HubOptions.Section));
        Directory.CreateDirectory(hub.FilesDirectory);

        builder.Services.AddSingleton(TimeProvider.System);
        if (!hub.BackgroundJobs)
        {
            builder.Services.AddHostedService<Time.PeriodicWork.Off>();
        }

        builder.Services.AddSingleton<FileStore>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddDataProtection()
            .SetApplicationName("SeoulAiHub")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(hub.DataDirectoryFullPath, "keys")));

        builder.AddHubData(hub);
        builder.Services.AddHubAudit();
        builder.Services.AddScoped<Seeding.DemoSeeder>();
        builder.Services.AddHubIdentity(hub);
        builder.Services.AddHubAuthorization();
        builder.Services.AddHubEmail(builder.Configuration);
        builder.Services.AddHubLocalization();
        builder.Services.AddHubErrors();
        builder.Services.AddOpenApi();
        // Enums travel as their names ("Startup"), which is what API clients and CSV files write.
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options => options.Filters.Add<RulePageFilter>())   // one error path: refusals on forms
            .AddHubViewLocalization();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication UseHubPlatform(this WebApplication app)
    {
        app.UseHubErrors();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseHubLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseOperatorTwoFactorRequirement();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapHubPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
