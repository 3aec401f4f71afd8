using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.LocalRun;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// `segrestore local run` — what `make run` starts — as a child process over its own --dir under
/// <c>.tmp/e2e-local-run/&lt;test&gt;</c>, on free ports (the fixed defaults belong to a user's `make run`). Up when it
/// prints "Ready."; the test talks to its LocalCluster through the kubeconfig it writes and to its world on disk.
/// </summary>
public sealed class LocalRunProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalRunProcess(string directory, int pdPort, int httpPort, int reporterPort)
    {
        Directory = directory;
        PdPort = pdPort;
        HttpPort = httpPort;
        ReporterPort = reporterPort;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[
            RepoLayout.CliDll, "local", "run", "--dir", directory, "--operator", RepoLayout.OperatorDll, "--worker", RepoLayout.WorkerDll,
            "--br", RepoLayout.BrDll, "--crd", RepoLayout.CrdFile,
            "--tidbcluster-crd", Path.Combine(RepoLayout.Root, "config", "local", "pingcap.com_tidbclusters.yaml"), "--pd-port", Text(pdPort), "--http-port", Text(httpPort), "--reporter-port", Text(reporterPort)])
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public string Directory { get; }

    public int PdPort { get; }

    public int HttpPort { get; }

    public int ReporterPort { get; }

    public string PdAddress => "127.0.0.1:" + Text(PdPort);

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public string OperatorLog => Path.Combine(Directory, "operator.log");

    public KubernetesClient Client { get; private set; } = null!;

    public BrSimWorld World { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<LocalRunProcess> StartAsync(string testName)
    {
        var directory = Path.Combine(RepoLayout.TmpDirectory, "e2e-local-run", testName);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        var run = new LocalRunProcess(directory, FreePort.Next(), FreePort.Next(), FreePort.Next());
        try
        {
            run._process.Start();
            run._process.BeginOutputReadLine();
            run._process.BeginErrorReadLine();
            var exited = run._process.WaitForExitAsync();
            if (await Task.WhenAny(run._ready.Task, exited, Task.Delay(ReadyTimeout)) != run._ready.Task)
            {
                throw new InvalidOperationException($"local run did not print Ready within {ReadyTimeout.TotalSeconds:0} s:\n{run.Output}");
            }

            run.Client = new KubernetesClient(
                KubeConfiguration.FromFile(run.KubeconfigPath).WithUserAgent(E2EEnvironment.TestUserAgent),
                SegRestoreEntityJson.Instance);
            run.World = await BrSimWorld.OpenAsync(Path.Combine(directory, "world"), run.PdAddress);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>segrestore local restart-operator --dir</c>, the documented way to restart only the operator.</summary>
    public Task<ChildProcessResult> RestartOperatorAsync() =>
        ChildProcess.RunAsync("dotnet", [RepoLayout.CliDll, "local", "restart-operator", "--dir", Directory], timeout: TimeSpan.FromMinutes(2));

    /// <summary>Polls until the segment reaches <paramref name="phase"/>; Failed or Invalid end the wait at once.</summary>
    public async Task<PointRestoreSegment> WaitForPhaseAsync(string name, SegmentPhase phase, TimeSpan timeout)
    {
        PointRestoreSegment? last = null;
        await Poll.UntilAsync(
            async () =>
            {
                last = await Client.GetAsync<PointRestoreSegment>(name, E2EEnvironment.Namespace);
                return last?.Status?.Phase == phase || (last?.Status?.Phase is SegmentPhase.Failed or SegmentPhase.Invalid
                    ? throw new InvalidOperationException($"segment {name} became {SegmentReasons.ReasonOf(last)} while waiting for {phase}\n{OperatorLogTail()}")
                    : false);
            },
            timeout,
            $"segment {name}: phase {phase}",
            () => Task.FromResult($"last status: {last?.Status?.Phase} {last?.Status?.Message}\n{OperatorLogTail()}"));
        return last!;
    }

    public string OperatorLogTail(int lines = 40) =>
        File.Exists(OperatorLog) ? string.Join('\n', File.ReadLines(OperatorLog).TakeLast(lines)) : "(no operator log)";

    /// <summary>SIGTERM, as Ctrl+C in `make run`'s terminal; SIGKILL of the tree when it does not stop in 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                // kill(1), not PosixSignals: this file is also compiled into the chaos suite, which has no copy of it.
                await ChildProcess.RunAsync("kill", ["-TERM", Text(_process.Id)]);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("Ready.", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
