using System.Diagnostics;

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
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in {Timeout}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
