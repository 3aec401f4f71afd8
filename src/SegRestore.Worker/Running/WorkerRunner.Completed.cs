using Microsoft.Extensions.Logging;
using SegRestore.Br.Probe;
using SegRestore.Br.State;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Running;

public sealed partial class WorkerRunner
{
    /// <summary>
    /// An earlier attempt's BR finished this segment's range and removed its in-progress checkpoint, but its worker
    /// was lost before the result reached the operator (killed, evicted, its node gone). BR run again would not
    /// resume: without a checkpoint it starts over, which restores the range a second time (or, on the last segment,
    /// fails TiFlashReplicaPresent, on the first ClusterNotFresh). The checkpoint directory (the chain's claim, or the
    /// ledger's copy) says so (<see cref="SegmentedStateFiles.ShowCompleted"/>): the attempt reports success without
    /// BR, with the items BR left in its state. The operator decides the same from the ledger's copy when no worker
    /// reports at all.
    /// </summary>
    private async Task<ResultReport?> CompletedEarlierAsync(AttemptRef attempt, BrDialect dialect, CancellationToken ct)
    {
        if (BrArgv.Tso(_brArgs, "--restored-ts") is not { } restoredTs || !Directory.Exists(config.CheckpointDir))
        {
            return null;
        }

        var root = Path.GetFullPath(config.CheckpointDir);
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(full => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/'));
        if (!SegmentedStateFiles.ShowCompleted(paths, restoredTs))
        {
            return null;
        }

        LogCompletedEarlier(restoredTs);
        var report = new ResultReport { Attempt = attempt, Succeeded = true, ExitCode = 0, Summary = new ResultSummary { RestoredTs = restoredTs } };
        if (await ReadStateItemsAsync(dialect, ct).ConfigureAwait(false) is { } items)
        {
            SegmentedStateReader.AddTo(report, items);
        }

        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "BR completed this segment up to TSO {RestoredTs} in an earlier attempt (its state is saved and its checkpoint removed); the range is not restored again")]
    private partial void LogCompletedEarlier(ulong restoredTs);
}
