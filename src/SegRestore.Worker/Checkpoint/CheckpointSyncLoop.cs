using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Syncs the checkpoint directory while BR runs: when BR writes (the directory watch, debounced so that a burst is one
/// generation) and on the periodic interval as a fallback (a watch can overflow, miss events or be unavailable). The
/// ledger then trails BR's on-disk checkpoint by about one sync instead of up to one interval (docs/worker.md, "When
/// the checkpoint is synced"). One sync at a time: <see cref="CheckpointSync"/> holds a gate.
/// <c>changeDriven</c> is false on a claim: the checkpoint directory outlives the pod, so the next attempt resumes from
/// the disk, not from the ledger, and the interval alone keeps the ledger's copy fresh enough with far fewer ledger
/// writes.
/// </summary>
public sealed partial class CheckpointSyncLoop(
    CheckpointSync sync, string checkpointDir, TimeSpan interval, Func<string, string> redact, ILogger logger, bool changeDriven = true)
{
    public Task RunAsync(CancellationToken ct) => changeDriven ? RunChangeDrivenAsync(ct) : RunPeriodicAsync(ct);

    private async Task RunPeriodicAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                await SyncOnceAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // BR exited: the final sync follows
        }
    }

    private async Task RunChangeDrivenAsync(CancellationToken ct)
    {
        using var watch = CheckpointChangeWatch.Start(checkpointDir, TimeProvider.System, logger);
        using var timer = new PeriodicTimer(interval);
        var tick = timer.WaitForNextTickAsync(ct).AsTask();
        try
        {
            while (true)
            {
                var changed = watch.ChangedAsync(ct);
                await Task.WhenAny(tick, changed).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                if (changed.IsCompleted)
                {
                    await WaitForQuietAsync(watch, ct).ConfigureAwait(false);
                }

                if (tick.IsCompleted)
                {
                    if (!await tick.ConfigureAwait(false))
                    {
                        return;
                    }

                    tick = timer.WaitForNextTickAsync(ct).AsTask();
                }

                watch.Take(); // what changes from here on wakes the next sync; this one scans the whole directory
                await SyncOnceAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // BR exited: the final sync follows
        }
    }

    private static async Task WaitForQuietAsync(CheckpointChangeWatch watch, CancellationToken ct)
    {
        while (watch.Pending is { } pending && SyncDebounce.Default.DueIn(pending, DateTimeOffset.UtcNow) is var due && due > TimeSpan.Zero)
        {
            await Task.Delay(due, ct).ConfigureAwait(false);
        }
    }

    private async Task SyncOnceAsync(CancellationToken ct)
    {
        try
        {
            await sync.SyncAsync(ct).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            LogSyncFailed(ex.StatusCode, redact(ex.Status.Detail)); // the next change, tick or the final sync retries
        }
        catch (IOException ex)
        {
            LogSyncIo(redact(ex.Message)); // a sync during the run must never end the attempt
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint sync failed with {Status}: {Detail}")]
    private partial void LogSyncFailed(StatusCode status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint sync failed reading the checkpoint directory: {Error}; the next change, tick or the final sync retries")]
    private partial void LogSyncIo(string error);
}
