using SegRestore.Br.Probe;

namespace SegRestore.BrSim.Cli;

/// <summary>`br --version` in BR's layout.</summary>
public static class VersionCommand
{
    public static string Text(BrDialect dialect) =>
        $"Release Version: {BrDialects.ReleaseVersion(dialect)}\n"
        + "Git Commit Hash: 5e3c1b7a0d2f4e6b8a9c1d3e5f7a9b0c2d4e6f80\n"
        + "Git Branch: HEAD\n"
        + "Go Version: go1.23.12\n"
        + "UTC Build Time: 2026-01-20 08:00:00\n"
        + "Race Enabled: false\n";
}
