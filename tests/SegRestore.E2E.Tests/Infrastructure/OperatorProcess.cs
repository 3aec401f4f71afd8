using System.Diagnostics;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// The operator as a real process (<c>dotnet SegRestore.Operator.dll</c>). stdout and stderr are appended to one log
/// file per test (kept under .tmp/e2e for a later secret scan); restarts reuse the same ports and log.
/// </summary>
public sealed class OperatorProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly object _logLock = new();
    private Process? _process;

    public OperatorProcess(IReadOnlyDictionary<string, string> environment, int httpPort, string logFile)
    {
        _environment = environment;
        HttpPort = httpPort;
        LogFile = logFile;
    }

    public int HttpPort { get; }

    public string LogFile { get; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public async Task StartAsync(TimeSpan timeout)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("the operator is already running");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepoLayout.OperatorDll);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        AppendLog($"---- operator starting at {DateTime.UtcNow:O}");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitHealthyAsync(timeout);
    }

    /// <summary>SIGKILL of the operator's process tree: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            AppendLog($"---- operator SIGKILLed at {DateTime.UtcNow:O}");
        }

        _process?.Dispose();
        _process = null;
    }

    public Task RestartAsync(TimeSpan timeout)
    {
        Kill();
        return StartAsync(timeout);
    }

    public string LogTail(int lines = 60)
    {
        lock (_logLock)
        {
            return File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no log)";
        }
    }

    public void Dispose() => Kill();

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var url = new Uri($"http://127.0.0.1:{HttpPort}/healthz");
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException(
                    $"operator did not become healthy: it exited with code {_process?.ExitCode}\n{LogTail()}");
            }

            try
            {
                using var response = await Http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // a slow answer on a loaded box: ask again
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"operator did not become healthy: GET {url} never answered 200 within {timeout.TotalSeconds:0} s\n{LogTail()}");
            }

            await Task.Delay(200);
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
            File.AppendAllText(LogFile, line + "\n");
        }
    }
}
