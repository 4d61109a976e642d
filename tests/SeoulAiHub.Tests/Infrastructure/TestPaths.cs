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
    /// A real file from <c>../shared/samples/</c> (beside the checkout; kept out of the repository on purpose). A missing
    /// folder fails the test with the path, rather than skipping it: every machine that runs the tests has it.
    /// </summary>
    public static string Sample(string file)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "samples", file));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The sample file {path} is missing: the tests read the real samples from ../shared/samples beside the checkout.", path);
    }
}
