using System.ComponentModel;
using System.Diagnostics;
using SegRestore.Br.Output;
using SegRestore.Br.Probe;
using SegRestore.Reporter.Contract;
using SegRestore.Shared;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Running;

/// <summary>
/// Runs BR without a shell: the prepared argv goes item by item into <see cref="ProcessStartInfo.ArgumentList"/>.
/// BR inherits the pod's environment (storage credentials come from Secrets as env) minus the worker's own
/// SEGRESTORE_* variables, so BR never sees the reporter token. Output is parsed as it streams.
/// </summary>
public sealed class BrProcessRunner(string brPath, IReadOnlyList<string> argv)
{
    private Process? _process;

    public int? ProcessId => _process is { } p && !p.HasExited ? p.Id : null;

    /// <summary>Forwards SIGTERM to BR; false when BR is not running.</summary>
    public bool Terminate() => ProcessId is { } pid && PosixSignals.TrySend(pid, PosixSignals.Sigterm);

    public async Task<int> RunAsync(Func<BrEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        using var process = new Process { StartInfo = StartInfo(brPath, argv) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            // Without a probe before it (a reused capability hint), this is where a missing or broken /br shows.
            throw BrProbeException.CannotStart(brPath, ex);
        }

        _process = process;
        process.StandardInput.Close();
        // One parser per stream: a partial line of one stream must never join a line of the other.
        var stdout = PumpAsync(process.StandardOutput, onEvent, cancellationToken);
        var stderr = PumpAsync(process.StandardError, onEvent, cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    public static ProcessStartInfo StartInfo(string brPath, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var start = new ProcessStartInfo(brPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in argv)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith(WorkerEnv.Prefix, StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    private static async Task PumpAsync(StreamReader reader, Func<BrEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        await foreach (var e in BrOutputReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            await onEvent(e).ConfigureAwait(false);
        }
    }
}
