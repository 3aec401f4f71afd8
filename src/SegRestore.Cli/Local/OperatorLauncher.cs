using System.Diagnostics;
using System.Globalization;
using SegRestore.Shared;

namespace SegRestore.Cli.Local;

/// <summary>
/// The operator as a child process (<c>dotnet SegRestore.Operator.dll</c>), configured by environment the way a
/// Deployment would configure it; its output goes to one log file. Stopping sends SIGTERM so it releases its Lease
/// and ends its watches cleanly, then kills it if it does not exit in time.
/// </summary>
public sealed class OperatorLauncher : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly StreamWriter _log;

    private OperatorLauncher(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operator's configuration for `local run`: everything the E2E harness sets, nothing secret.</summary>
    public static Dictionary<string, string> Environment(LocalRunSettings settings, string kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reporter = settings.ReporterPort.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["KUBECONFIG"] = kubeconfig,
            ["Operator__Namespace"] = LocalRunSettings.Namespace,
            ["Operator__WorkerImage"] = LocalRunSettings.WorkerImage,
            ["Operator__DefaultBrImage"] = LocalRunSettings.DefaultBrImage,
            ["Operator__ReporterPort"] = reporter,
            ["Operator__ReporterUrl"] = "http://127.0.0.1:" + reporter,
            ["Operator__HttpPort"] = settings.OperatorHttpPort.ToString(CultureInfo.InvariantCulture),
            ["Operator__WorkerSyncIntervalSeconds"] = "2",
            ["Operator__WorkerProgressIntervalSeconds"] = "1",
            ["Operator__ProgressWriteIntervalSeconds"] = "1",
            ["Ledger__Store"] = "configMap",
            ["Ledger__Namespace"] = LocalRunSettings.Namespace,
            ["Logging__Console__FormatterName"] = "simple",
        };
    }

    public static async Task<OperatorLauncher> StartAsync(LocalRunSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(settings.OperatorDll);
        foreach (var (name, value) in Environment(settings, settings.KubeconfigPath))
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(settings.OperatorLog, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var launcher = new OperatorLauncher(process, log);
        try
        {
            await launcher.WaitHealthyAsync(settings.OperatorHttpPort, timeout, cancellationToken).ConfigureAwait(false);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            PosixSignals.TrySend(_process.Id, PosixSignals.Sigterm);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitHealthyAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = new Uri($"http://127.0.0.1:{port}/healthz");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the operator exited with code {_process.ExitCode}; see its log");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // a slow answer on a loaded machine: ask again
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the operator did not answer GET {url} with 200 within {timeout.TotalSeconds:0} s; see its log");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }
}
