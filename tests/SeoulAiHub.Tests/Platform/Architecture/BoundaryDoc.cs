using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform.Architecture;

/// <summary>The two tables of the "Module boundaries" section of docs/architecture.md, read back as data.</summary>
public static class BoundaryDoc
{
    public static (List<ModuleRule> Modules, List<AllowedRead> Reads) Read()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot(), "docs", "architecture.md"));
        var section = lines.SkipWhile(l => l != "## Module boundaries").Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var modules = new List<ModuleRule>();
        foreach (var c in Rows(section, "| Module |"))
        {
            if (c[0].Length == 0 && modules.Count > 0)
            {
                // A row with an empty first cell goes on with the surface of the module above (lines stay short).
                modules[^1] = modules[^1] with { Surface = [.. modules[^1].Surface, .. List(c[2])] };
            }
            else
            {
                modules.Add(new ModuleRule(c[0], List(c[1]), List(c[2])));
            }
        }

        var reads = Rows(section, "| Reader |").Select(c => new AllowedRead(c[0], c[1].Trim('`'), c[2])).ToList();
        return (modules, reads);
    }

    /// <summary>"`A`, `B`" or "—" (none).</summary>
    private static string[] List(string cell) =>
        cell == "—" ? [] : [..
            cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim('`'))];

    /// <summary>The cells of the body rows of the table whose header line starts so.</summary>
    private static IEnumerable<string[]> Rows(List<string> section, string header) =>
        section.SkipWhile(l => !l.StartsWith(header, StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
}
