using System.Diagnostics;

namespace SegRestore.BrSim.Tests;

/// <summary>Runs the built simulator as a real process: `dotnet br.dll ...` from the test's output directory.</summary>
public static class BrProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string BrDll => Path.Combine(AppContext.BaseDirectory, "br.dll");

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BrDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "BRSIM_DIALECT", "BRSIM_KILL_AT", "BRSIM_HANG_AT", "BRSIM_GATE_AT", "BRSIM_TRANSIENT_ERROR", "BRSIM_KV_PER_SEC",
                     "BRSIM_TIFLASH_RESET_FAIL", "BRSIM_REPAIR_EVERY_SEGMENT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        return await WaitAsync(process);
    }

    public static async Task<Result> WaitAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
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
            throw new TimeoutException($"br did not exit within {Timeout}: {await stdout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
