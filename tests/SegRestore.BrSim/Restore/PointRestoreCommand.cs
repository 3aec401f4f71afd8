using System.Diagnostics;
using SegRestore.Br;
using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Faults;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Restore;

/// <summary>`br restore point`: the order of BR's RunStreamRestore, over the simulated world.</summary>
public sealed class PointRestoreCommand(
    SimWorld world,
    StorageResolver storage,
    ISegmentStateCodec codec,
    BrLog log,
    FaultInjector faults,
    Func<string, string?> environment,
    bool drawProgressBars,
    bool consoleIsTerminal = false)
{
    public async Task RunAsync(RestorePointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reader = new BackupReader(storage);
        var logInfo = reader.ReadLog(request.LogStorage);
        var restoredTs = request.RestoredTs ?? logInfo.LogMaxTs;
        var startTs = request.StartTs ?? logInfo.LogMinTs;
        FullBackupInfo? full = null;
        if (request.FullBackupStorage is not null)
        {
            full = reader.ReadFull(request.FullBackupStorage);
            if (logInfo.ClusterId > 0 && full.ClusterId > 0 && logInfo.ClusterId != full.ClusterId)
            {
                throw BrErrorException.InvalidArgument(
                    $"the full snapshot(from cluster ID:{full.ClusterId}) and log(from cluster ID:{logInfo.ClusterId}) come from different cluster.");
            }

            startTs = full.BackupTs;
            if (startTs < logInfo.LogMinTs)
            {
                throw BrErrorException.InvalidArgument(
                    $"it has gap between full backup ts:{startTs}({Tso.GoTimeString(startTs)}) and log backup ts:{logInfo.LogMinTs}({Tso.GoTimeString(logInfo.LogMinTs)}). ");
            }
        }

        log.Info("stream.go:1407", BrMessages.StartPointInTimeRestore,
            LogField.Of(BrLogFields.RestoreFrom, startTs), LogField.Of(BrLogFields.RestoreTo, restoredTs),
            LogField.Of(BrLogFields.LogMinTs, logInfo.LogMinTs), LogField.Of(BrLogFields.LogMaxTs, logInfo.LogMaxTs));
        if (RestorePointRequestParser.CheckLogRange(startTs, restoredTs, logInfo.LogMinTs, logInfo.LogMaxTs) is { } rangeError)
        {
            throw BrErrorException.InvalidArgument(rangeError);
        }

        if (RestorePointRequestParser.TreatedAsNonFinal(request, restoredTs, logInfo.LogMaxTs))
        {
            log.Detail("stream.go:1453", BrMessages.TreatedAsNonFinalSegment,
                LogField.Of(BrLogFields.RestoreTs, restoredTs), LogField.Of(BrLogFields.LogMaxTs, logInfo.LogMaxTs));
        }

        var target = world.LoadTarget(request.Pd) ?? throw new BrErrorException(
            $"[PD:client:ErrClientGetMember]get member failed: rpc error: code = Unavailable desc = connection error: dial tcp {SimWorld.NormalizePd(request.Pd)}: connect: connection refused");
        CheckLogBackupTasks(target);
        var run = new RestoreRun
        {
            World = world,
            Target = target,
            Request = request,
            Log = log,
            Faults = faults,
            DrawProgressBars = drawProgressBars,
            ConsoleIsTerminal = consoleIsTerminal,
            Environment = environment,
            UpstreamClusterId = logInfo.ClusterId,
            StartTs = startTs,
            RestoredTs = restoredTs,
            IsLast = RestorePointRequestParser.IsLastSegment(request, restoredTs, logInfo.LogMaxTs),
            Codec = codec,
        };
        await faults.ReachedAsync("start", 0, cancellationToken).ConfigureAwait(false);
        run.RestoreId = RestoreRegistry.Register(target, logInfo.ClusterId, startTs, restoredTs, request.Filters);
        world.SaveTarget(target);
        log.Detail("restore.go:1003", "registered restore task", LogField.Of("restore-id", run.RestoreId),
            LogField.Of("last-segment", run.IsLast));
        run.StateStore = OpenStateStore(request, target, logInfo.ClusterId);
        var resumed = LoadCheckpoint(run, request, run.RestoreId);

        var savedHere = resumed ? run.StateStore.Load(restoredTs) : null;
        if (savedHere is not null)
        {
            run.Adopt(codec.Decode(savedHere));
            if (full is not null)
            {
                log.Console(BrMessages.FullRestoreSkippedByCheckpoint);
            }
        }
        else if (full is not null)
        {
            if (resumed)
            {
                target.Data = new ClusterData(); // the interrupted snapshot restore starts over on the cluster it left
            }
            else
            {
                SnapshotRestorer.CheckFreshCluster(target);
            }

            await SnapshotRestorer.RestoreAsync(run, full, cancellationToken).ConfigureAwait(false);
            run.Checkpoint.SnapshotDone = true;
            run.SaveCheckpoint();
            run.SaveState();
        }
        else
        {
            LoadPreviousState(run, run.StateStore);
        }

        await new SegmentLogPhase(run, logInfo).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As BR's checkLogBackup for a PiTR: a running log backup task must have a storage for the table-id blocklist.</summary>
    private static void CheckLogBackupTasks(TargetCluster target)
    {
        if (target.LogBackupTasks.FirstOrDefault() is { Storage: null } task)
        {
            throw new BrErrorException(
                $"cannot save log restore table IDs blocklist file because the external storage backend of the task[{task.Name}] is empty: [BR:Stream:ErrStreamLogTaskHasNoStorage]stream task has no storage");
        }
    }

    private ISegmentStateStore OpenStateStore(RestorePointRequest request, TargetCluster target, ulong upstreamClusterId)
    {
        // BR asks the checkpoint meta manager for its storage only with --use-checkpoint: without it the state goes to
        // mysql.tidb_pitr_id_map even when --checkpoint-storage is given.
        if (request.CheckpointStorage is null || !request.UseCheckpoint)
        {
            return new TableSegmentStateStore(world, target, upstreamClusterId, latestRestoreIdWins: request.Dialect == BrDialect.Last);
        }

        var location = new BackupReader(storage).Open(request.CheckpointStorage);
        return request.Dialect == BrDialect.Last
            ? new V1FileSegmentStateStore(location.Directory!, target.ClusterId,
                target.HasPitrIdMapTable ? new TableSegmentStateStore(world, target, upstreamClusterId, latestRestoreIdWins: true) : null)
            : new FileSegmentStateStore(location.Directory!, target.ClusterId);
    }

    /// <summary>Finds this target's checkpoint; a different task's checkpoint is BR's mismatch error. True when resuming.</summary>
    private bool LoadCheckpoint(RestoreRun run, RestorePointRequest request, ulong restoreId)
    {
        run.Checkpoint = new LogRestoreCheckpoint
        {
            UpstreamClusterId = run.UpstreamClusterId,
            StartTs = run.StartTs,
            RestoredTs = run.RestoredTs,
            RestoreId = restoreId,
            GcRatio = run.Target.GcRatioThreshold,
            RewriteTs = Tso.Compose(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0),
        };
        if (!request.UseCheckpoint)
        {
            return false;
        }

        run.CheckpointStore = request.CheckpointStorage is null
            ? new TableCheckpointStore(world, run.Target)
            : new FileCheckpointStore(new BackupReader(storage).Open(request.CheckpointStorage).Directory!, run.Target.ClusterId);
        var existing = run.CheckpointStore.Load();
        if (existing is not null
            && CheckpointRules.Mismatch(existing, run.UpstreamClusterId, run.StartTs, run.RestoredTs, run.CheckpointStore.Description) is { } mismatch)
        {
            throw new BrErrorException(mismatch);
        }

        run.Checkpoint = existing ?? run.Checkpoint;
        if (existing is not null)
        {
            log.Detail("stream.go:1937", "detect log restore checkpoint. so skip snapshot restore and start log restore from the checkpoint",
                LogField.Of("restore-id", existing.RestoreId), LogField.Of("restored-files", (long)existing.DoneFiles.Count));
        }

        return existing is not null;
    }

    private void LoadPreviousState(RestoreRun run, ISegmentStateStore stateStore)
    {
        log.Detail("client.go:1043", "try to load pitr id maps of the previous task", LogField.Of("start-ts", run.StartTs));
        var bytes = stateStore.Load(run.StartTs);
        var state = bytes is null ? null : codec.Decode(bytes);
        if (state is null || state.Maps.Databases.Count == 0)
        {
            log.Detail("client.go:1060", "no id maps found");
            throw new BrErrorException("no base id map found from saved id or last restored PiTR");
        }

        if (run.Target.Data.Tables.Values.Any(t => t.TiFlash is { Count: > 0 }))
        {
            throw new BrErrorException("exist table(s) have tiflash replica, please remove it before restore");
        }

        run.Adopt(state);
        if (run.Request.Dialect == BrDialect.None)
        {
            run.Items = new SegmentItems(); // a BR without segments keeps no items between runs
        }
    }
}
