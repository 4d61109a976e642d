namespace SeoulAiHub.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The checkout's root: the folder holding SeoulAiHub.slnx, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SeoulAiHub.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    /// <summary>
    /// A real file from the shared samples folder, kept out of the repository on purpose: <c>HUB_SAMPLES</c> when set,
    /// else <c>shared/samples</c> beside the checkout or beside any folder above it (a clone in <c>/work/x</c> or
    /// <c>/work/x/y</c>), else this machine kind's <c>/work/shared/samples</c> (for a clone made elsewhere, e.g. in
    /// <c>/tmp</c>). A missing file fails the test with the places looked in, rather than skipping it.
    /// </summary>
    public static string Sample(string file)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("HUB_SAMPLES") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        for (var dir = new DirectoryInfo(RepositoryRoot()).Parent; dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "shared", "samples"));
        }

        candidates.Add("/work/shared/samples");
        return candidates.Select(c => Path.Combine(c, file)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"The sample file {file} is in none of: {string.Join(", ", candidates)}. The tests read " +
                "the real samples from ../shared/samples beside the checkout (or HUB_SAMPLES).", file);
    }
}
