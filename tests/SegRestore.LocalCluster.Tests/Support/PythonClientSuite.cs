using System.Diagnostics;
using System.Text.Json;
using SegRestore.Api.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>
/// Runs tests/interop/kube-contract.py (the official Python client, Debian's python3-kubernetes) once: against a
/// LocalCluster of its own, or the real cluster of KUBECONFIG. The tests then read its per-case results.
/// </summary>
public sealed class PythonClientSuite : IAsyncLifetime
{
    public const string Python = "/usr/bin/python3";

    /// <summary>The LocalCluster keeps few watch events, and the script writes more before its 410 case, so
    /// resourceVersion 1 is then out of the history as on a compacted etcd.</summary>
    private const int WatchHistory = 100;

    private readonly string _directory = Directory.CreateTempSubdirectory("lc-python-").FullName;
    private readonly Dictionary<string, PythonCaseResult> _results = [];

    public int ExitCode { get; private set; } = -1;

    /// <summary>Everything the script printed, for failure messages.</summary>
    public string Transcript { get; private set; } = "";

    public IReadOnlyCollection<PythonCaseResult> Results => _results.Values;

    public PythonCaseResult? Result(string name) => _results.GetValueOrDefault(name);

    public async Task InitializeAsync()
    {
        if (!File.Exists(Python))
        {
            Transcript = $"{Python} is missing: run tests/setup/deps.sh (Debian packages python3, python3-kubernetes)";
            return;
        }

        if (ClusterTarget.RealClusterRequested)
        {
            await Run(["--kubeconfig", Environment.GetEnvironmentVariable("KUBECONFIG")!.Split(':')[0]]);
            return;
        }

        await using var local = await LocalClusterServer.StartAsync(ClusterFixture.Options() with { WatchHistory = WatchHistory }, CancellationToken.None);
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await local.WriteKubeconfigAsync(kubeconfig, CancellationToken.None);
        await Run(["--kubeconfig", kubeconfig, "--image", "shell:1", "--churn", (WatchHistory + 50).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private async Task Run(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-B");
        start.ArgumentList.Add(RepositoryPaths.Combine("tests", "interop", "kube-contract.py"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            ExitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Transcript = $"exit code {(ExitCode == -1 ? "none (killed after 10 minutes)" : ExitCode)}\nstdout:\n{await output}\nstderr:\n{await error}";
        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('{') && JsonSerializer.Deserialize<PythonCaseResult>(line) is { } result)
            {
                _results[result.Case] = result;
            }
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
