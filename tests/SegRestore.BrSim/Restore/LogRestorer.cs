using SegRestore.Br;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// The log phases of a segment: the id maps built over all meta KVs and saved first (as BR's buildAndSaveIDMapIfNeeded),
/// then the meta KVs (DDL, each written to the target as it goes; with the saved maps a replay writes the same ids), then
/// data files (DML, grouped in files; each finished file is persisted to the target and recorded in the checkpoint, so a
/// re-run skips it).
/// </summary>
public static class LogRestorer
{
    public const string MetaStep = BrProgressSteps.RestoreMetaFiles;
    public const string FilesStep = BrProgressSteps.RestoreFilesSstAndLog;
    public const int EventsPerFile = 4;

    /// <summary>The fault point right after the id maps are saved (BRSIM_KILL_AT=idmap:0).</summary>
    public const string IdMapStep = "idmap";

    /// <summary>The fault point right before a run builds the id maps (BRSIM_GATE_AT=idmap-build:0:FILE): everything
    /// before this segment's log phase is persisted, nothing of the id-map save or the meta KVs is. A run that reloads
    /// saved maps does not reach it.</summary>
    public const string IdMapBuildStep = "idmap-build";

    public static IReadOnlyList<LogEvent> InRange(IEnumerable<LogEvent> events, ulong startTs, ulong restoredTs) =>
        events.Where(e => e.CommitTs > startTs && e.CommitTs <= restoredTs).OrderBy(e => e.CommitTs).ToList();

    public static IReadOnlyList<IReadOnlyList<LogEvent>> Files(IReadOnlyList<LogEvent> dataEvents) =>
        dataEvents.Chunk(EventsPerFile).Select(chunk => (IReadOnlyList<LogEvent>)chunk).ToList();

    /// <summary>
    /// Allocates every new downstream id of the range by a dry pass over its meta events (on a copy of the data), then
    /// saves the target's id allocator, the maps and the checkpoint mark, in that order. A run that finds the mark
    /// reloaded the saved maps already and builds nothing.
    /// </summary>
    public static async Task BuildAndSaveIdMapsAsync(RestoreRun run, IReadOnlyList<LogEvent> metaEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metaEvents);
        if (run.Checkpoint.IdMapSaved)
        {
            run.Log.Detail("stream.go:1460", "reuse the id maps saved by the checkpoint", LogField.Of("restored-ts", run.RestoredTs));
            return;
        }

        await run.Faults.ReachedAsync(IdMapBuildStep, 0, cancellationToken).ConfigureAwait(false);
        var dryRun = EventApplier.ForRestore(run.Target.Data.Clone(), run.Maps, run.Target.AllocateId, new SegmentItems());
        foreach (var e in metaEvents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            dryRun.Apply(e);
        }

        run.World.SaveTarget(run.Target); // the ids just allocated stay allocated
        run.SaveState();
        run.Checkpoint.IdMapSaved = true;
        run.SaveCheckpoint();
        run.Log.Detail("stream.go:1466", "saved the id maps of the meta kvs", LogField.Of("restored-ts", run.RestoredTs),
            LogField.Of("meta-kv-count", (long)metaEvents.Count));
        await run.Faults.ReachedAsync(IdMapStep, 0, cancellationToken).ConfigureAwait(false);
    }

    public static async Task RestoreMetaAsync(RestoreRun run, IReadOnlyList<LogEvent> metaEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metaEvents);
        var progress = run.Progress(MetaStep, metaEvents.Count);
        var applier = run.Applier();
        foreach (var e in metaEvents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            applier.Apply(e);
            run.World.SaveTarget(run.Target); // BR writes each meta KV to TiKV as it goes: a kill keeps what was written
            run.TotalKvs++;
            run.TotalBytes += KvStatistics.EventBytes(e);
            await progress.IncAsync(1, cancellationToken).ConfigureAwait(false);
        }

        progress.Complete();
        run.World.SaveTarget(run.Target);
        run.Checkpoint.MetaDone = true;
        run.SaveCheckpoint();
    }

    public static async Task RestoreFilesAsync(RestoreRun run, IReadOnlyList<LogEvent> dataEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var applier = run.Applier();
        var files = Files(dataEvents);
        var sizes = files.Select(f => f.Sum(e => KvStatistics.EventKvs(e, Table(run, applier, e)))).ToList();
        var progress = run.Progress(FilesStep, sizes.Sum());
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = files[i].Sum(KvStatistics.EventBytes);
            run.TotalKvs += sizes[i];
            run.TotalBytes += bytes;
            if (run.Checkpoint.DoneFiles.Contains(i))
            {
                run.SkippedKvs += sizes[i];
                run.SkippedBytes += bytes;
                await progress.IncAsync(sizes[i], cancellationToken).ConfigureAwait(false);
                continue;
            }

            await run.Faults.ThrottleAsync(sizes[i], cancellationToken).ConfigureAwait(false);
            foreach (var e in files[i])
            {
                applier.Apply(e);
            }

            // Data first, then the checkpoint: a kill in between replays the file, and KV puts are idempotent.
            run.World.SaveTarget(run.Target);
            run.Checkpoint.DoneFiles.Add(i);
            run.AppliedUnits++;
            run.SaveCheckpoint();
            await progress.IncAsync(sizes[i], cancellationToken).ConfigureAwait(false);
        }

        progress.Complete();
    }

    private static TableInfo? Table(RestoreRun run, EventApplier applier, LogEvent e) =>
        applier.TableId(e.TableId) is { } id ? run.Target.Data.Tables.GetValueOrDefault(id) : null;
}
