using System.Diagnostics;
using SegRestore.Br;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Restore;

/// <summary>The first segment's full (snapshot) restore: fresh-cluster checks, tables created with new ids, TiFlash stripped.</summary>
public static class SnapshotRestorer
{
    public const string StepName = BrProgressSteps.FullRestore;

    /// <summary>BR refuses a full restore into a cluster that already holds user databases or tables.</summary>
    public static void CheckFreshCluster(TargetCluster target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var userObjects = target.Data.Databases.Values.Select(d => d.Name)
            .Concat(target.Data.Tables.Values.Select(t => target.Data.QualifiedName(t)))
            .Take(10)
            .ToList();
        if (userObjects.Count > 0)
        {
            throw new BrErrorException("user db/tables: " + string.Join(", ", userObjects)
                + ": [BR:Restore:ErrRestoreNotFreshCluster]target cluster is not fresh");
        }

        if (target.Changefeeds.Count > 0)
        {
            throw new BrErrorException(string.Join("", target.Changefeeds.Select(c => $"[changefeed {c}] "))
                + "please remove changefeed(s) before restore");
        }
    }

    public static async Task RestoreAsync(RestoreRun run, FullBackupInfo backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(backup);
        var watch = Stopwatch.StartNew();
        var snapshot = backup.Snapshot;
        var progress = run.Progress(StepName, snapshot.Tables.Count);
        foreach (var db in snapshot.Databases.Values)
        {
            var id = run.Target.AllocateId();
            run.Maps.Databases[db.Id] = new DbMapping { Name = db.Name, DownstreamId = id };
            run.Target.Data.Databases[id] = new DatabaseInfo { Id = id, Name = db.Name };
        }

        long kvs = 0;
        long bytes = 0;
        foreach (var source in snapshot.Tables.Values)
        {
            var table = source.Clone();
            var mapping = new TableMapping { Name = table.Name, DownstreamId = run.Target.AllocateId() };
            foreach (var partition in table.PartitionIds)
            {
                mapping.Partitions[partition] = run.Target.AllocateId();
            }

            var db = run.Maps.Databases[source.DbId];
            db.Tables[source.Id] = mapping;
            table.Id = mapping.DownstreamId;
            table.DbId = db.DownstreamId;
            table.PartitionIds = [.. mapping.Partitions.Values];

            // PiTR restores TiFlash replicas only at the very end: strip them now, remember them for the last segment.
            run.Items.RecordTiFlash(table.Id, table.TiFlash);
            table.TiFlash = null;
            run.Target.Data.Tables[table.Id] = table;
            run.AppliedUnits++;
            kvs += KvStatistics.TotalKvs(table);
            bytes += KvStatistics.TotalBytes(table);
            await run.Faults.ThrottleAsync(KvStatistics.TotalKvs(table), cancellationToken).ConfigureAwait(false);
            await progress.IncAsync(1, cancellationToken).ConfigureAwait(false);
        }

        progress.Complete();
        run.World.SaveTarget(run.Target);
        var ranges = snapshot.Tables.Values.Sum(t => Math.Max(1, t.PartitionIds.Count));
        run.Log.Info("collector.go:77", BrMessages.FullRestoreSuccessSummary,
            LogField.Of(BrLogFields.TotalRanges, (long)ranges),
            LogField.Of(BrLogFields.RangesSucceed, (long)ranges),
            LogField.Of(BrLogFields.RangesFailed, 0L),
            LogField.Of("split-region", "0s"),
            LogField.Of("restore-ranges", (long)ranges),
            LogField.Duration(BrLogFields.TotalTake, watch.Elapsed),
            LogField.Of(BrLogFields.BackupTs, backup.BackupTs),
            LogField.Of("RestoreTS", Tso.Compose(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0)),
            LogField.Of(BrLogFields.TotalKv, kvs),
            LogField.Of(BrLogFields.TotalKvSize, GoFormat.HumanSize(bytes)),
            LogField.Of(BrLogFields.AverageSpeed, GoFormat.HumanSize(bytes / Math.Max(watch.Elapsed.TotalSeconds, 0.001)) + "/s"));
    }
}
