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
        var ranges = snapshot.Tables.Values.Sum(t => Math.Max(1, t.PartitionIds.Count));
        var rangesDone = 0;
        string? unit = null;
        try
        {
            foreach (var source in snapshot.Tables.Values)
            {
                unit = snapshot.QualifiedName(source);
                (var tableKvs, var tableBytes) = await RestoreTableAsync(run, source, cancellationToken).ConfigureAwait(false);
                kvs += tableKvs;
                bytes += tableBytes;
                rangesDone += Math.Max(1, source.PartitionIds.Count);
                await progress.IncAsync(1, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is BrErrorException or OperationCanceledException)
        {
            LogFailedSummary(run, ranges, rangesDone, e is OperationCanceledException ? null : (unit, e.Message));
            throw;
        }

        progress.Complete();
        run.World.SaveTarget(run.Target);
        LogSuccessSummary(run, backup, ranges, watch.Elapsed, kvs, bytes);
    }

    /// <summary>
    /// BR's summary collector when the snapshot phase fails: the range counts, then a unit-name/error pair for each
    /// failed unit that was not cancelled (a cancelled run only counts them in `units canceled`).
    /// </summary>
    private static void LogFailedSummary(RestoreRun run, int ranges, int rangesDone, (string? Unit, string Error)? failure)
    {
        run.Log.Detail("collector.go:223", "units canceled", LogField.Of("cancel-unit", failure is null ? 1L : 0L));
        var fields = new List<LogField>
        {
            LogField.Of(BrLogFields.TotalRanges, (long)ranges),
            LogField.Of(BrLogFields.RangesSucceed, (long)rangesDone),
            LogField.Of(BrLogFields.RangesFailed, failure is null ? 0L : 1L),
        };
        if (failure is { } f)
        {
            fields.Add(LogField.Of(BrLogFields.UnitName, f.Unit ?? ""));
            fields.Add(LogField.Of(BrLogFields.Error, f.Error));
        }

        run.Log.Info("collector.go:77", BrMessages.FullRestoreFailedSummary, [.. fields]);
    }

    private static async Task<(long Kvs, long Bytes)> RestoreTableAsync(RestoreRun run, TableInfo source, CancellationToken cancellationToken)
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
        await run.Faults.ThrottleAsync(KvStatistics.TotalKvs(table), cancellationToken).ConfigureAwait(false);
        return (KvStatistics.TotalKvs(table), KvStatistics.TotalBytes(table));
    }

    private static void LogSuccessSummary(RestoreRun run, FullBackupInfo backup, int ranges, TimeSpan elapsed, long kvs, long bytes)
    {
        run.Log.Info("collector.go:77", BrMessages.FullRestoreSuccessSummary,
            LogField.Of(BrLogFields.TotalRanges, (long)ranges),
            LogField.Of(BrLogFields.RangesSucceed, (long)ranges),
            LogField.Of(BrLogFields.RangesFailed, 0L),
            LogField.Of("split-region", "0s"),
            LogField.Of("restore-ranges", (long)ranges),
            LogField.Duration(BrLogFields.TotalTake, elapsed),
            LogField.Of(BrLogFields.BackupTs, backup.BackupTs),
            LogField.Of("RestoreTS", Tso.Compose(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0)),
            LogField.Of(BrLogFields.TotalKv, kvs),
            LogField.Of(BrLogFields.TotalKvSize, GoFormat.HumanSize(bytes)),
            LogField.Of(BrLogFields.AverageSpeed, GoFormat.HumanSize(bytes / Math.Max(elapsed.TotalSeconds, 0.001)) + "/s"));
    }
}
