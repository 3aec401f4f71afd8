using System.Diagnostics;

namespace SegRestore.Br.Probe;

/// <summary>Runs the BR binary twice at once (`--version`, `restore point --help`) and parses what it says about itself.</summary>
public sealed class BrProbe(string brPath, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    public async Task<BrCapabilities> ProbeAsync(CancellationToken cancellationToken)
    {
        // Two independent runs: side by side, so the probe costs one BR start-up, not two.
        var version = RunAsync(["--version"], cancellationToken);
        var help = RunAsync(["restore", "point", "--help"], cancellationToken);
        await Task.WhenAll(version, help).ConfigureAwait(false); // both end (or time out) before a failure surfaces

        return BrCapabilityParser.Parse(await version.ConfigureAwait(false), await help.ConfigureAwait(false));
    }

    /// <summary>Runs BR and returns stdout and stderr together (cobra prints help to stdout, some builds to stderr).</summary>
    private async Task<string> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(brPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw BrProbeException.CannotStart(brPath, ex);
        }

        process.StandardInput.Close();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(_timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            return await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new BrProbeException(
                $"'{brPath} {string.Join(' ', args)}' did not finish within {_timeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
