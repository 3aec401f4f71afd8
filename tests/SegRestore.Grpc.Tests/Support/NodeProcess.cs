using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace SegRestore.Grpc.Tests.Support;

/// <summary>
/// A Node.js interop peer (tests/interop/*.js) run as a real process. Servers print <c>{"listening":port}</c> when
/// bound; every other stdout line is kept for assertions.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>Node starts slowly on a loaded 2-core machine; this is a ceiling, not an expectation.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public IReadOnlyCollection<string> OutputLines => _lines.ToArray();

    public string ErrorOutput => string.Join('\n', _errors);

    public static string InteropDirectory => RepositoryRoot.Combine("tests", "interop");

    /// <summary>Starts a server script and waits until it listens.</summary>
    public static async Task<NodeProcess> StartServerAsync(string script, params string[] arguments)
    {
        var node = new NodeProcess(Start(script, arguments));
        node._process.OutputDataReceived += (_, e) => node.OnOutput(e.Data);
        node._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                node._errors.Enqueue(e.Data);
            }
        };
        node._process.Exited += (_, _) => node._listening.TrySetException(new InvalidOperationException(
            $"node {script} exited with code {node._process.ExitCode} before listening: {node.ErrorOutput}"));
        node._process.EnableRaisingEvents = true;
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            node.Port = await node._listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>Runs a client script to completion and returns its last stdout line parsed as JSON.</summary>
    public static async Task<JsonElement> RunClientAsync(string script, params string[] arguments)
    {
        using var process = Start(script, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} {string.Join(' ', arguments)} did not finish in 120 s: {await stderr}");
        }

        var output = await stdout;
        var errors = await stderr;
        process.ExitCode.Should().Be(0, $"node {script} must run its case; stderr: {errors}");
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"node {script} printed nothing; stderr: {errors}");
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private static Process Start(string script, string[] arguments)
    {
        RequireInstalledPackages();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(InteropDirectory, script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "Node.js is required for the gRPC interop tests but 'node' could not be started; install nodejs and run tests/setup/deps.sh.", ex);
        }
    }

    /// <summary>The interop tests fail (never skip) when the npm packages are missing.</summary>
    private static void RequireInstalledPackages()
    {
        var grpcJs = Path.Combine(InteropDirectory, "node_modules", "@grpc", "grpc-js", "package.json");
        if (!File.Exists(grpcJs))
        {
            throw new InvalidOperationException(
                $"{Path.Combine(InteropDirectory, "node_modules")} is not installed: run tests/setup/deps.sh " +
                "(it runs 'npm ci' in tests/interop) before the gRPC interop tests.");
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        if (line.StartsWith("{\"listening\":", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(line);
            _listening.TrySetResult(json.RootElement.GetProperty("listening").GetInt32());
        }
    }
}
