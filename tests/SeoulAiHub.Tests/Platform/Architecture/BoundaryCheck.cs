using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Tests.Platform.Architecture;

/// <summary>Holds the uses read from the assembly against <see cref="ModuleBoundaries"/>.</summary>
public static class BoundaryCheck
{
    private static readonly Lazy<IReadOnlyList<TypeUse>> All = new(() => ModuleGraph.Read(typeof(HubDb).Assembly.Location));

    public static IReadOnlyList<TypeUse> Uses => All.Value;

    private static Dictionary<string, ModuleRule> Rules => ModuleBoundaries.Modules.ToDictionary(m => m.Module);

    private static bool IsRead(TypeUse use) =>
        ModuleBoundaries.Reads.Any(r => r.Reader == use.FromPart && r.Table == $"{use.ToPart}.{use.ToType}");

    /// <summary>Uses of another module's types (table reads included) that the table does not allow.</summary>
    public static List<TypeUse> ModuleViolations(IEnumerable<TypeUse> uses)
    {
        var rules = Rules;
        return [.. uses
            .Where(u => u.FromPart != u.ToPart && rules.ContainsKey(u.FromPart) && rules.ContainsKey(u.ToPart))
            .Where(u => !rules[u.FromPart].DependsOn.Contains(u.ToPart) ||
                !(u.Table ? IsRead(u) : rules[u.ToPart].Surface.Contains(u.ToType) || IsRead(u)))
            .OrderBy(u => u.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>
    /// The platform's uses of modules that break its rule: no module service (…Service, …Desk, …Module) or page model
    /// anywhere, and HubDb names module entities only (its DbSets).
    /// </summary>
    public static List<TypeUse> PlatformViolations(IEnumerable<TypeUse> uses)
    {
        var rules = Rules;
        var entities = typeof(HubDb).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0].FullName).ToHashSet();
        return [.. uses
            .Where(u => u.FromPart.StartsWith("Platform", StringComparison.Ordinal))
            .Where(u => rules.ContainsKey(u.ToPart))
            .Where(u => u.FromType == nameof(HubDb) ? !entities.Contains(u.ToFullName) : IsService(u.ToFullName))
            .OrderBy(u => u.ToString(), StringComparer.Ordinal)];
    }

    private static bool IsService(string fullName) =>
        fullName.EndsWith("Service", StringComparison.Ordinal) || fullName.EndsWith("Desk", StringComparison.Ordinal) ||
        fullName.EndsWith("Module", StringComparison.Ordinal) ||
        typeof(HubDb).Assembly.GetType(fullName)?.IsSubclassOf(typeof(PageModel)) == true;

    /// <summary>A cycle among the modules as they actually use each other ("A -> B -> A"), or null.</summary>
    public static string? CycleIn(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.Where(e => e.From != e.To).GroupBy(e => e.From)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order().ToList());
        var done = new HashSet<string>();
        var path = new List<string>();
        string? Visit(string node)
        {
            if (path.IndexOf(node) is >= 0 and var at)
            {
                return string.Join(" -> ", path.Skip(at).Append(node));
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            var found = next.GetValueOrDefault(node, []).Select(Visit).FirstOrDefault(c => c is not null);
            path.RemoveAt(path.Count - 1);
            return found;
        }

        return next.Keys.Order().Select(Visit).FirstOrDefault(c => c is not null);
    }

    /// <summary>The module-to-module edges of the uses (the platform left out).</summary>
    public static IEnumerable<(string From, string To)> ModuleEdges(IEnumerable<TypeUse> uses)
    {
        var rules = Rules;
        return uses.Where(u => rules.ContainsKey(u.FromPart) && rules.ContainsKey(u.ToPart) && u.FromPart != u.ToPart)
            .Select(u => (u.FromPart, u.ToPart)).Distinct();
    }
}
