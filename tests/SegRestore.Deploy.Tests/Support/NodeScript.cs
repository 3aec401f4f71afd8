using SegRestore.LocalRun;

namespace SegRestore.Deploy.Tests.Support;

/// <summary>Runs a checker script of tests/interop (Node.js, packages from its package-lock.json) to completion.</summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string InteropDirectory => Api.Tests.Support.RepositoryPaths.Combine("tests", "interop");

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments)
    {
        var modules = Path.Combine(InteropDirectory, "node_modules", "kubernetes-models");
        Directory.Exists(modules).Should().BeTrue(
            $"{modules} must exist: run `cd tests/interop && npm ci` (make deps runs it only when node_modules is missing)");
        var result = await ChildProcess.RunAsync("node", [script, .. arguments], timeout: Timeout, workingDirectory: InteropDirectory);
        return (result.ExitCode, result.Stdout + result.Stderr);
    }
}
