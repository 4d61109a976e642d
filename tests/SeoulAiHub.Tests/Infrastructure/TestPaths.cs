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
}
