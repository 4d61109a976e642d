using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Platform.Architecture;

namespace SeoulAiHub.Tests.Platform;

/// <summary>The boundaries docs/architecture.md draws, checked on the compiled application.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly App = typeof(HubDb).Assembly;

    private static string? ModuleOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("SeoulAiHub.Features.", StringComparison.Ordinal) ? ns.Split('.')[2] : null;

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all =
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
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
                .Where(used => ModuleOf(used) is not null && (used.IsSubclassOf(typeof(PageModel)) ||
                    used.Name.EndsWith("Module", StringComparison.Ordinal)))
                .Select(used => $"{t.FullName} -> {used.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Page_models_are_sealed_and_bind_input_records_not_entities()
    {
        var entityTypes = App.GetTypes().Where(t => t.GetProperty("Id") is not null &&
            t.Namespace?.Contains("Features", StringComparison.Ordinal) == true && !t.Name.EndsWith("Row", StringComparison.Ordinal))
            .ToHashSet();
        foreach (var page in App.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))))
        {
            Assert.True(page.IsSealed || page.IsAbstract, $"{page.Name} is neither sealed nor an abstract base of pages");
            var bound = page.GetProperties().Where(p => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>() is not null);
            Assert.DoesNotContain(bound, p => entityTypes.Contains(p.PropertyType));
        }
    }

    [Fact]
    public void Modules_use_one_another_only_as_the_boundary_table_allows()
    {
        var violations = BoundaryCheck.ModuleViolations(BoundaryCheck.Uses);
        Assert.True(violations.Count == 0,
            $"{violations.Count} uses of another module outside the table of docs/architecture.md (\"Module boundaries\"). " +
            "Use the other module's public surface, or change the table there and in ModuleBoundaries (a table read needs a reason):\n" +
            string.Join("\n", violations));
    }

    [Fact]
    public void The_platform_uses_no_module_service_and_HubDb_names_only_module_entities()
    {
        var violations = BoundaryCheck.PlatformViolations(BoundaryCheck.Uses);
        Assert.True(violations.Count == 0, "The platform depends on modules, not the other way round:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_modules_form_no_cycle_and_the_table_names_every_module_and_type()
    {
        Assert.Null(BoundaryCheck.CycleIn(BoundaryCheck.ModuleEdges(BoundaryCheck.Uses)));
        Assert.Null(BoundaryCheck.CycleIn(ModuleBoundaries.Modules.SelectMany(m => m.DependsOn.Select(d => (m.Module, d)))));

        var modules = App.GetTypes().Where(t => !t.IsNested).Select(t => ModuleGraph.PartOf(t.Namespace ?? "", t.Name))
            .OfType<string>().Where(p => !p.StartsWith("Platform", StringComparison.Ordinal)).Distinct().Order().ToList();
        Assert.Equal(modules, ModuleBoundaries.Modules.Select(m => m.Module).Order());
        var missing = ModuleBoundaries.Modules.SelectMany(m => m.Surface.Where(t => !App.GetTypes()
            .Any(x => x.Name == t && ModuleOf(x) == m.Module && !x.IsNested)).Select(t => $"{m.Module}.{t}"));
        Assert.Empty(missing);
        var unused = ModuleBoundaries.Reads.Where(r =>
            !BoundaryCheck.Uses.Any(u => u.Table && u.FromPart == r.Reader && $"{u.ToPart}.{u.ToType}" == r.Table));
        Assert.Empty(unused);
    }

    [Fact]
    public void The_boundary_table_in_the_docs_is_the_one_the_tests_enforce()
    {
        var (modules, reads) = BoundaryDoc.Read();
        Assert.Equal(ModuleBoundaries.Modules.Select(Line), modules.Select(Line));
        Assert.Equal(ModuleBoundaries.Reads, reads);

        static string Line(ModuleRule m) => $"{m.Module} | {string.Join(", ", m.DependsOn)} | {string.Join(", ", m.Surface)}";
    }

    [Fact]
    public void The_module_graph_reads_lambdas_state_machines_and_table_uses()
    {
        // Reads of another module's table inside an async method and a lambda, found through DbSet<T>'s argument.
        Assert.Contains(BoundaryCheck.Uses, u =>
            u is { FromPart: "Outcomes", FromType: "OutcomeRollups", FromMember: "SegmentsAsync", ToType: "RoomAssignment", Table: true });
        Assert.Contains(BoundaryCheck.Uses, u =>
            u is { FromPart: "Spaces", FromType: "TenancyService", FromMember: "ApplyAsync", ToType: "Organization", Table: true });
        // A compiled Razor view counts for its folder's module.
        Assert.Contains(BoundaryCheck.Uses, u => u is { FromPart: "Organizations", FromType: "Features_Organizations_Profile" });
    }

    [Fact]
    public void Program_reads_as_a_table_of_contents()
    {
        var program = File.ReadAllLines(Path.Combine(SeoulAiHub.Tests.Infrastructure.TestPaths.RepositoryRoot(), "src",
            "SeoulAiHub", "Program.cs"));
        Assert.True(program.Length < 60, $"Program.cs has {program.Length} lines");
    }
}
