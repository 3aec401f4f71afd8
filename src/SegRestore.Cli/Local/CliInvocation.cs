namespace SegRestore.Cli.Local;

/// <summary>The exact command that runs this CLI again, for the lines `local run` prints: the single-file binary
/// (`make publish`) as it is, a framework-dependent build as <c>dotnet &lt;segrestore.dll&gt;</c>.</summary>
public static class CliInvocation
{
    public static string Current() => For(Environment.ProcessPath, AppContext.BaseDirectory);

    public static string For(string? processPath, string baseDirectory)
    {
        var host = Path.GetFileNameWithoutExtension(processPath ?? "");
        return processPath is null || host == "dotnet"
            ? "dotnet " + Path.Combine(baseDirectory, "segrestore.dll")
            : processPath;
    }
}
