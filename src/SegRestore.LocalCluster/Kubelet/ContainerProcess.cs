using System.Diagnostics;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;
using SegRestore.Shared;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>One container run as a local process: its command line, clean environment and working directory
/// built from the container spec with container paths mapped to local ones; stdout and stderr go to one log
/// file (for <c>kubectl logs</c>).</summary>
public sealed class ContainerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _pump;
    private readonly bool _grouped;

    private ContainerProcess(Process process, Task pump, bool grouped)
    {
        _process = process;
        _pump = pump;
        _grouped = grouped;
    }

    public int ProcessId => _process.Id;

    /// <summary>The program and arguments for a container: its <c>command</c> (mapped) when given, else the
    /// image's configured executable; then <c>args</c>. Null when the image has no local command.</summary>
    public static (string Program, List<string> Arguments)? CommandLine(JsonObject container, ImageCommand? image, PathMapping paths)
    {
        var command = (container["command"] as JsonArray)?.Select(ServerFields.Str).OfType<string>().Select(paths.Map).ToList() ?? [];
        var args = (container["args"] as JsonArray)?.Select(ServerFields.Str).OfType<string>().Select(paths.Map).ToList() ?? [];
        if (command.Count > 0)
        {
            return (command[0], [.. command.Skip(1), .. args]);
        }

        if (image is null)
        {
            return null;
        }

        return (image.Executable, [.. image.Arguments, .. args]);
    }

    public static ContainerProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string workingDirectory, string logPath)
    {
        var session = ProcessSession.Wrap(program, arguments, Environment.GetEnvironmentVariable("PATH"));
        if (session is { } wrapped)
        {
            (program, arguments) = wrapped;
        }

        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var log = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var gate = new SemaphoreSlim(1, 1);
        var pump = Task.WhenAll(
                Copy(process.StandardOutput.BaseStream, log, gate),
                Copy(process.StandardError.BaseStream, log, gate))
            .ContinueWith(async _ =>
            {
                await log.DisposeAsync().ConfigureAwait(false);
                gate.Dispose();
            }, TaskScheduler.Default).Unwrap();
        return new ContainerProcess(process, pump, session is not null);
    }

    /// <summary>Waits for the main process to exit, ends what it left running in its group (the container is over),
    /// and waits for all output to reach the log; returns the main process's exit code.</summary>
    public async Task<int> WaitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        KillGroup();
        await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    public void Terminate()
    {
        if (!HasExited)
        {
            PosixSignals.TrySend(_process.Id, PosixSignals.Sigterm);
        }
    }

    public void Kill()
    {
        KillGroup();
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose() => _process.Dispose();

    private void KillGroup()
    {
        if (_grouped)
        {
            PosixSignals.TrySend(-_process.Id, PosixSignals.Sigkill);
        }
    }

    private static async Task Copy(Stream source, FileStream target, SemaphoreSlim gate)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await target.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                await target.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
