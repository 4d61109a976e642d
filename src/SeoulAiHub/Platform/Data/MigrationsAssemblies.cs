using System.Reflection;
using System.Runtime.Loader;

namespace SeoulAiHub.Platform.Data;

/// <summary>
/// The migrations assemblies are copied beside the application by the build (see SeoulAiHub.csproj) but are not
/// compile-time references, so they are not in the dependency manifest; resolve them from the application folder.
/// </summary>
internal static class MigrationsAssemblies
{
    private static int _registered;

    public static void EnsureResolvable()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not { } simple || !simple.StartsWith("SeoulAiHub.Migrations.", StringComparison.Ordinal))
            {
                return null;
            }

            var path = Path.Combine(AppContext.BaseDirectory, simple + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
