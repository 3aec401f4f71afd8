using System.Diagnostics;
using SegRestore.Br;
using SegRestore.Br.Probe;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// BR's restoreStream for one segment: GC held off, the id maps built and saved, meta then data restored, the state saved for the next segment, the
/// last segment's repair and TiFlash reset, GC restored, checkpoint removed, and the success or failure summary.
/// </summary>
public sealed class SegmentLogPhase(RestoreRun run, LogBackupInfo logInfo)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var currentTs = run.Checkpoint.RewriteTs != 0
            ? run.Checkpoint.RewriteTs
            : Tso.Compose(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0);
        try
        {
            await RestoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var text = e is OperationCanceledException ? "context canceled" : e.Message;
            run.Log.Info("collector.go:77", BrMessages.LogRestoreFailedSummary, LogField.Of(BrLogFields.Error, text));
            if (run.CheckpointStore is not null)
            {
                run.Log.Detail("stream.go:1570", "skip restore the gc-ratio-threshold for next retry");
            }
            else
            {
                RestoreGc();
            }

            throw;
        }

        var elapsed = _watch.Elapsed;
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        run.Log.Info("collector.go:77", BrMessages.LogRestoreSuccessSummary,
            LogField.Duration(BrLogFields.TotalTake, elapsed),
            LogField.Of(BrLogFields.SourceStartPoint, run.StartTs),
            LogField.Of(BrLogFields.SourceEndPoint, run.RestoredTs),
            LogField.Of(BrLogFields.TargetEndPoint, currentTs),
            LogField.Of(BrLogFields.SourceStart, Tso.FormatDate(run.StartTs)),
            LogField.Of(BrLogFields.SourceEnd, Tso.FormatDate(run.RestoredTs)),
            LogField.Of(BrLogFields.TargetEnd, Tso.FormatDate(currentTs)),
            LogField.Of(BrLogFields.TotalKvCount, run.TotalKvs),
            LogField.Of(BrLogFields.SkippedKvCountByCheckpoint, run.SkippedKvs),
            LogField.Of(BrLogFields.TotalSize, GoFormat.HumanSize(run.TotalBytes)),
            LogField.Of(BrLogFields.SkippedSizeByCheckpoint, GoFormat.HumanSize(run.SkippedBytes)),
            LogField.Of(BrLogFields.AverageSpeedLog, GoFormat.HumanSize(run.TotalBytes / seconds) + "/s"),
            LogField.Of(BrLogFields.RestoreSstKvCount, 0L),
            LogField.Of(BrLogFields.RestoreSstKvSize, 0L),
            LogField.Of(BrLogFields.RestoreSstPhysicalSize, 0L),
            LogField.Duration(BrLogFields.RestoreSstTotalTake, TimeSpan.Zero),
            LogField.Of(BrLogFields.AverageSpeedSst, "0B/s"));
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        RestorePointRequestParser.CheckCheckpointForSegment(run.Request, run.IsLast);
        // It needs GC off in TiKV during PiTR: log KVs are not sorted by ts.
        run.Target.GcRatioThreshold = "-1.0";
        run.World.SaveTarget(run.Target);
        run.SaveCheckpoint();

        var events = LogRestorer.InRange(logInfo.Events, run.StartTs, run.RestoredTs);
        var metaEvents = events.Where(e => e.IsMeta).ToList();
        await LogRestorer.BuildAndSaveIdMapsAsync(run, metaEvents, cancellationToken).ConfigureAwait(false);
        await LogRestorer.RestoreMetaAsync(run, metaEvents, cancellationToken).ConfigureAwait(false);
        run.SaveState();
        await LogRestorer.RestoreFilesAsync(run, events.Where(e => !e.IsMeta).ToList(), cancellationToken).ConfigureAwait(false);

        var repairNow = run.IsLast || run.EnvironmentFlag("BRSIM_REPAIR_EVERY_SEGMENT");
        if (repairNow)
        {
            await SegmentFinalizer.RepairIngestIndexesAsync(run, cancellationToken).ConfigureAwait(false);
        }

        else if (run.Request.Dialect == BrDialect.Last)
        {
            run.Log.Detail("stream.go:1780", BrMessages.IngestRepairSkippedUntilLast, LogField.Of(BrLogFields.RestoredTs, run.RestoredTs));
        }

        if (run.IsLast)
        {
            SegmentFinalizer.ResetTiFlashReplicas(run);
        }
        else if (run.Request.Dialect == BrDialect.Last)
        {
            run.Log.Detail("stream.go:1786", BrMessages.TiFlashResetSkippedUntilLast, LogField.Of(BrLogFields.RestoredTs, run.RestoredTs));
        }

        run.SaveState();
        RestoreGc();
        run.CheckpointStore?.Delete();
        RestoreRegistry.Finish(run.Target, run.RestoreId, "done");
        run.World.SaveTarget(run.Target);
        run.World.AppendAudit(run.Request.Pd, run.Target.ClusterId, run.RestoreId, run.StartTs, run.RestoredTs, run.IsLast, run.AppliedUnits);
    }

    private void RestoreGc()
    {
        var ratio = run.Checkpoint.GcRatio;
        if (ratio.StartsWith('-'))
        {
            run.Log.Detail("stream.go:1579", "the original gc-ratio is negative, reset by default value 1.1", LogField.Of("old-gc-ratio", ratio));
            ratio = "1.1";
        }

        run.Log.Detail("stream.go:1582", "start to restore gc", LogField.Of("ratio", ratio));
        run.Target.GcRatioThreshold = ratio;
        run.World.SaveTarget(run.Target);
        run.Log.Detail("stream.go:1592", "finish restoring gc");
    }
}
