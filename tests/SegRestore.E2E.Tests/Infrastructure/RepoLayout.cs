namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// Where the processes under test live: the operator, the worker and the BR simulator are run from their own build
/// outputs (<c>&lt;repo&gt;/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/</c>), the configuration and target
/// framework being this test assembly's own (taken from its output path).
/// </summary>
public static class RepoLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>bin/&lt;configuration&gt;/&lt;tfm&gt; of this test assembly, e.g. <c>Debug/net10.0</c>.</summary>
    public static (string Configuration, string TargetFramework) Build
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configurationDir = tfmDir.Parent ?? throw new InvalidOperationException($"unexpected output path {tfmDir.FullName}");
            return (configurationDir.Name, tfmDir.Name);
        }
    }

    public static string OperatorDll => Output("src/SegRestore.Operator", "SegRestore.Operator.dll");

    public static string WorkerDll => Output("src/SegRestore.Worker", "SegRestore.Worker.dll");

    public static string CliDll => Output("src/SegRestore.Cli", "segrestore.dll");

    public static string BrDll => Output("tests/SegRestore.BrSim", "br.dll");

    public static string CrdFile => Path.Combine(Root, "crds", "segrestore.io_pointrestoresegments.yaml");

    /// <summary>The repository's scratch directory (.tmp, git-ignored), created on demand.</summary>
    public static string TmpDirectory
    {
        get
        {
            var path = Path.Combine(Root, ".tmp");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string ManifestsDirectory => Path.Combine(AppContext.BaseDirectory, "Manifests");

    private static string Output(string project, string file)
    {
        var (configuration, tfm) = Build;
        var path = Path.Combine(Root, project, "bin", configuration, tfm, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{file} is missing at {path}: build {project} in {configuration} first " +
                $"(dotnet build tests/SegRestore.E2E.Tests -c {configuration} builds it through its project reference).", path);
        }

        return path;
    }

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
