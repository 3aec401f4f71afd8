namespace SegRestore.Grpc.Tests.Support;

/// <summary>Finds the repository (the directory holding SegRestore.sln) from the test's output directory.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SegRestore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SegRestore.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
