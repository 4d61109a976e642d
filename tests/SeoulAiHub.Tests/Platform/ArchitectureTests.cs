using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Tests.Platform;

/// <summary>The boundaries ARCHITECTURE.md draws, checked on the compiled application.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly App = typeof(HubDb).Assembly;

    private static string? ModuleOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("SeoulAiHub.Features.", StringComparison.Ordinal) ? ns.Split('.')[2] : null;

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetFields(all).Select(f => f.FieldType)
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t]);
    }

    [Fact]
    public void No_module_reaches_into_the_pages_of_another()
    {
        var violations = App.GetTypes()
            .Where(t => ModuleOf(t) is not null)
            .SelectMany(t => TypesUsedBy(t)
                .Where(used => used.IsSubclassOf(typeof(PageModel)) && ModuleOf(used) is { } other && other != ModuleOf(t))
                .Select(used => $"{t.FullName} -> {used.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_platform_does_not_depend_on_module_pages_or_services()
    {
        var violations = App.GetTypes()
            .Where(t => t.Namespace?.StartsWith("SeoulAiHub.Platform", StringComparison.Ordinal) == true)
            .SelectMany(t => TypesUsedBy(t)
                .Where(used => ModuleOf(used) is not null && (used.IsSubclassOf(typeof(PageModel)) || used.Name.EndsWith("Module", StringComparison.Ordinal)))
                .Select(used => $"{t.FullName} -> {used.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Page_models_are_sealed_and_bind_input_records_not_entities()
    {
        var entityTypes = App.GetTypes().Where(t => t.GetProperty("Id") is not null && t.Namespace?.Contains("Features", StringComparison.Ordinal) == true && !t.Name.EndsWith("Row", StringComparison.Ordinal)).ToHashSet();
        foreach (var page in App.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))))
        {
            Assert.True(page.IsSealed || page.IsAbstract, $"{page.Name} is neither sealed nor an abstract base of pages");
            var bound = page.GetProperties().Where(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>() is not null);
            Assert.DoesNotContain(bound, p => entityTypes.Contains(p.PropertyType));
        }
    }

    [Fact]
    public void Program_reads_as_a_table_of_contents()
    {
        var program = File.ReadAllLines(Path.Combine(SeoulAiHub.Tests.Infrastructure.TestPaths.RepositoryRoot(), "src", "SeoulAiHub", "Program.cs"));
        Assert.True(program.Length < 60, $"Program.cs has {program.Length} lines");
    }
}
