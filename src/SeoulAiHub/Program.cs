using SeoulAiHub.Features.Account;
using SeoulAiHub.Features.Admin;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Features.Home;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform;
using SeoulAiHub.Platform.CommandLine;
using SeoulAiHub.Platform.Data;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = HubCommands.HostArguments(args),
    ContentRootPath = HubContentRoot.Locate(),
});

builder.AddHubPlatform();          // data, identity, authorization, audit, email, localization, errors
builder.Services.AddHomeModule();
builder.Services.AddAccountModule();
builder.Services.AddNotificationsModule();
builder.Services.AddOrganizationsModule();
builder.Services.AddSpacesModule();
builder.Services.AddProgramsModule();
builder.Services.AddOutcomesModule();
builder.Services.AddEngagementModule();
builder.Services.AddFacilitiesModule();
builder.Services.AddComputeModule();
builder.Services.AddAdminModule();

var app = builder.Build();

if (HubCommands.IsCommand(args))
{
    return await HubCommands.RunAsync(app.Services, args, Console.Out);
}

app.UseHubPlatform();
app.MapHubPlatform();              // /healthz, /culture, OpenAPI, Razor Pages
app.MapHomeEndpoints();
app.MapAccountEndpoints();
app.MapOrganizationsEndpoints();
app.MapProgramsEndpoints();
app.MapOutcomesEndpoints();
app.MapFacilitiesEndpoints();
app.MapComputeEndpoints();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test hosts can start the real application.</summary>
public partial class Program;
