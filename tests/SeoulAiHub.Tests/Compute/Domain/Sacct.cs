using SeoulAiHub.Features.Compute;

namespace SeoulAiHub.Tests.Compute.Domain;

/// <summary>Parsing sacct text as the importer does, in Seoul time unless told otherwise.</summary>
internal static class Sacct
{
    /// <summary>The hub's offset: sacct writes local times without one.</summary>
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static List<SacctLine> Parse(string text, IReadOnlyList<string>? columns = null, TimeSpan? offset = null) =>
        new SacctParser(new StringReader(text), offset ?? Kst, columns).Lines().ToList();
}
