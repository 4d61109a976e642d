using System.Reflection;

namespace SeoulAiHub.Platform;

/// <summary>
/// Where appsettings.json and wwwroot are: beside the binaries when published, else the project folder of a
/// checkout (recorded at build time). The working directory is left to the caller, because it is where ./data goes.
/// </summary>
public static class HubContentRoot
{
    public static string? Locate()
    {
        if (Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")))
        {
            return AppContext.BaseDirectory;
        }

        var project = typeof(HubContentRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HubProjectDirectory")?.Value;
        return project is not null && File.Exists(Path.Combine(project, "appsettings.json")) ? project : null;
    }
}
