using Grpc.Core;
using SegRestore.Br.Errors;
using SegRestore.Br.Output;
using SegRestore.Br.Probe;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Running;

/// <summary>What runs before BR: learning BR's capabilities (probe or the operator's hint) and the log-window check.</summary>
public sealed partial class WorkerRunner
{
    /// <summary>
    /// The operator's hint when it reads as one (an earlier attempt of the chain probed the same BR image), else the
    /// probe. A wrong hint is not trusted blindly: BR then refuses the flag it was given and the attempt fails with
    /// BR's own reason, like any BR error (docs/worker.md).
    /// </summary>
    private async Task<(BrCapabilities? Capabilities, BrFailure? CannotRun)> LearnCapabilitiesAsync(CancellationToken ct)
    {
        if (BrCapabilityHint.Parse(config.KnownBrCapabilities) is { } known)
        {
            LogReusedCapabilities(known.Version.ReleaseVersion, known.Dialect);
            return (known, null);
        }

        if (!string.IsNullOrWhiteSpace(config.KnownBrCapabilities))
        {
            LogUnreadableHint(config.KnownBrCapabilities);
        }

        try
        {
            var probed = await new BrProbe(config.BrPath).ProbeAsync(ct).ConfigureAwait(false);
            LogProbed(probed.Version.ReleaseVersion, probed.Dialect);
            return (probed, null);
        }
        catch (BrProbeException ex)
        {
            return (null, CannotRunBr(ex));
        }
    }

    /// <summary>Null when the range fits or the window could not be read (BR checks the range itself; this early check
    /// is a courtesy); the failure as BR would report it when the range lies outside, or when BR cannot be started.</summary>
    private async Task<BrFailure?> CheckLogWindowAsync(CancellationToken ct)
    {
        var logUrl = BrArgv.LogStorage(config.BrArgs);
        if (!config.LogMetadataCheck || logUrl is null)
        {
            return null;
        }

        var events = new List<BrEvent>();
        var runner = new BrProcessRunner(config.BrPath, ["log", "metadata", "-s", logUrl]);
        int exit;
        try
        {
            exit = await runner.RunAsync(e =>
            {
                events.Add(e);
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
        }
        catch (BrProbeException ex)
        {
            return CannotRunBr(ex);
        }

        var window = exit == 0 ? LogWindowCheck.Parse(events) : null;
        if (window is null)
        {
            LogWindowUnreadable(exit);
            return null;
        }

        LogWindowRead(window.MinTs, window.MaxTs);
        return LogWindowCheck.Check(window, config.BrArgs);
    }

    private BrFailure CannotRunBr(BrProbeException ex) =>
        new(BrFailureReason.BrError, true, "Check spec.br.image: the worker could not run its `br` (" + Redact(ex.Message) + ").", Redact(ex.Message), null);

    /// <summary>Waits for a side task the attempt no longer needs, which was cancelled or failed on its own.</summary>
    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (RpcException)
        {
        }
        catch (IOException)
        {
        }
    }
}
