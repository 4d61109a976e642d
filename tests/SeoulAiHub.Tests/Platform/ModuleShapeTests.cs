using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

/// <summary>
/// Every module the same shape: its wiring in &lt;Module&gt;Module.cs, its API in &lt;Module&gt;Endpoints.cs, and
/// namespaces that follow folders, its demo data in Demo/Demo&lt;Module&gt;.cs.
/// </summary>
public sealed partial class ModuleShapeTests
{
    /// <summary>Folders under Features that are not modules: the error pages and the shared layout.</summary>
    private static readonly string[] NotModules = ["Errors", "Shared"];

    private static readonly string App = Path.Combine(TestPaths.RepositoryRoot(), "src", "SeoulAiHub");

    private static IEnumerable<string> Modules() =>
        Directory.GetDirectories(Path.Combine(App, "Features")).Select(Path.GetFileName).OfType<string>().Except(NotModules);

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(App, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(App, f).StartsWith("obj", StringComparison.Ordinal));

    [Fact]
    public void Every_module_has_its_module_file_and_maps_its_endpoints_in_its_endpoints_file()
    {
        var problems = new List<string>();
        foreach (var module in Modules())
        {
            var folder = Path.Combine(App, "Features", module);
            if (!File.Exists(Path.Combine(folder, module + "Module.cs")))
            {
                problems.Add($"{module}: no {module}Module.cs");
            }

            foreach (var file in Sources(Path.Combine("Features", module)))
            {
                var declares = MapEndpoints().IsMatch(File.ReadAllText(file));
                if (declares && Path.GetFileName(file) != module + "Endpoints.cs")
                {
                    problems.Add($"{module}: Map…Endpoints declared in {Path.GetFileName(file)}, not {module}Endpoints.cs");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Namespaces_follow_folders()
    {
        var wrong = Sources("Features").Concat(Sources("Platform"))
            .Select(f => (File: Path.GetRelativePath(App, f).Replace('\\', '/'),
                Namespace: Namespace().Match(File.ReadAllText(f)).Groups[1].Value))
            .Where(x => x.Namespace != "SeoulAiHub." + Path.GetDirectoryName(x.File)!.Replace('/', '.'))
            .Select(x => $"{x.File}: {x.Namespace}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_demo_part_lives_in_its_modules_Demo_folder_and_is_registered()
    {
        var parts = typeof(IDemoData).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDemoData).IsAssignableFrom(t)).ToList();
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        using var scope = host.Services.CreateScope();
        var registered = scope.ServiceProvider.GetServices<IDemoData>().ToList();

        Assert.All(parts, t => Assert.Matches(@"^SeoulAiHub\.Features\.(\w+)\.Demo\.Demo\1$", t.FullName));
        Assert.Equal(parts.Select(t => t.FullName).Order(), registered.Select(p => p.GetType().FullName).Order());
        Assert.Equal(registered.Count, registered.Select(p => p.Order).Distinct().Count());   // one place in the order each
    }

    [GeneratedRegex(@"public static \S+ Map\w*Endpoints\(")]
    private static partial Regex MapEndpoints();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
