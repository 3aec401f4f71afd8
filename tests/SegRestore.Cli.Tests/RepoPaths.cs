namespace SegRestore.Cli.Tests;

/// <summary>Files of the repository this test runs in (found by walking up to SegRestore.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SegRestore.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SegRestore.sln not found above {AppContext.BaseDirectory}");
    }
}
