using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Restore;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Cli;

/// <summary>
/// `br abort restore point` with the original flags: removes the task's checkpoint data and its registry row, so the
/// next run starts over (the target keeps whatever was restored).
/// </summary>
public static class AbortRestoreCommand
{
    public static void Run(RestorePointRequest request, SimWorld world, StorageResolver storage, BrLog log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(log);
        var target = world.LoadTarget(request.Pd) ?? throw new BrErrorException($"cannot connect to PD {SimWorld.NormalizePd(request.Pd)}");
        ICheckpointStore store = request.CheckpointStorage is null
            ? new TableCheckpointStore(world, target)
            : new FileCheckpointStore(new BackupReader(storage).Open(request.CheckpointStorage).Directory!, target.ClusterId);
        var checkpoint = store.Load();
        var aborted = target.RestoreRegistry.Where(e => e.Status != "done"
            && (request.RestoredTs is null || e.RestoredTs == request.RestoredTs)
            && (request.StartTs is null || e.StartTs == request.StartTs)).ToList();
        store.Delete();
        target.RestoreRegistry.RemoveAll(aborted.Contains);
        target.GcRatioThreshold = checkpoint?.GcRatio is { } ratio && !ratio.StartsWith('-') ? ratio : "1.1";
        world.SaveTarget(target);
        log.Detail("restore.go:2087", aborted.Count == 0 && checkpoint is null ? "no restore task to abort" : "restore task aborted",
            LogField.Of("restore-ids", string.Join(",", aborted.Select(e => e.RestoreId))));
    }
}
