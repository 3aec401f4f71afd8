using System.Diagnostics;
using SegRestore.Shared;

namespace SegRestore.LocalRun;

/// <summary>
/// A long-running .NET program (the operator) as a child process (<c>dotnet &lt;dll&gt;</c>), configured by
/// environment the way a Deployment configures it. Its stdout and stderr go to one log file (restarts append to it);
/// it is up when GET /healthz answers 200. <see cref="Kill"/> is a SIGKILL (no shutdown code runs);
/// <see cref="StopAsync"/> sends SIGTERM first so it releases its Lease and ends its watches cleanly. Each start, kill
/// and stop leaves a marker line in the log (<c>---- &lt;name&gt; starting at ...</c>), which tests count.
/// </summary>
public sealed class ServiceProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, int httpPort, string logFile) : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly object _logLock = new();
    private Process? _process;

    public int HttpPort => httpPort;

    public string LogFile => logFile;

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public bool HasExited => _process is null || _process.HasExited;

    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("the process is already running");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        AppendLog($"---- {name} starting at {DateTime.UtcNow:O}");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitHealthyAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGKILL of the process tree: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            AppendLog($"---- {name} SIGKILLed at {DateTime.UtcNow:O}");
        }

        _process?.Dispose();
        _process = null;
    }

    public Task RestartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Kill();
        return StartAsync(timeout, cancellationToken);
    }

    /// <summary>SIGTERM, then SIGKILL when it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is { HasExited: false } process)
        {
            PosixSignals.TrySend(process.Id, PosixSignals.Sigterm);
            using var limit = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                AppendLog($"---- {name} stopped at {DateTime.UtcNow:O}");
            }
            catch (OperationCanceledException)
            {
                // did not stop in time: Kill below
            }
        }

        Kill();
    }

    public string LogTail(int lines = 60)
    {
        lock (_logLock)
        {
            return File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(lines)) : "(no log)";
        }
    }

    public void Dispose() => Kill();

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var url = new Uri($"http://127.0.0.1:{httpPort}/healthz");
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{name} did not become healthy: it exited with code {_process?.ExitCode}\n{LogTail()}");
            }

            try
            {
                using var response = await Http.GetAsync(url, cancellationToken).ConfigureAwait(false);
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
                throw new TimeoutException(
                    $"{name} did not become healthy: GET {url} never answered 200 within {timeout.TotalSeconds:0} s\n{LogTail()}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            File.AppendAllText(logFile, line + "\n");
        }
    }
}
