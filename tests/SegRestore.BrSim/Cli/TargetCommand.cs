using System.Globalization;
using System.Text.Json;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Workload;

namespace SegRestore.BrSim.Cli;

/// <summary>`br brsim target`: what a user might do to a target between segments (and what BR then refuses).</summary>
public static class TargetCommand
{
    public static int Run(ParsedFlags flags, SimWorld world, BrAppContext app)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(app);
        var pd = flags.Get("cluster") ?? WorldWriter.DefaultTarget;
        var target = world.LoadTarget(pd) ?? throw new SimulatorConfigurationException($"no target cluster '{pd}' in {world.Directory}");
        var op = flags.Positional.ToList();
        switch (op.FirstOrDefault())
        {
            case "set-tiflash" when op.Count == 3:
                var table = Find(target, op[1]);
                var count = ulong.Parse(op[2], CultureInfo.InvariantCulture);
                table.TiFlash = count == 0 ? null : new TiFlashReplica { Count = count, Available = true };
                break;
            case "create-table" when op.Count == 2:
                var (dbName, tableName) = Split(op[1]);
                var db = target.Data.FindDatabase(dbName);
                if (db is null)
                {
                    db = new DatabaseInfo { Id = target.AllocateId(), Name = dbName };
                    target.Data.Databases[db.Id] = db;
                }

                var created = new TableInfo { Id = target.AllocateId(), DbId = db.Id, Name = tableName, Workload = "User" };
                target.Data.Tables[created.Id] = created;
                break;
            case "add-changefeed" when op.Count == 2:
                target.Changefeeds.Add(op[1]);
                break;
            case "duplicate-state" when op.Count == 2:
                DuplicateState(target, ulong.Parse(op[1], CultureInfo.InvariantCulture));
                break;
            case "drop-pitr-id-map-table" when op.Count == 1:
                target.HasPitrIdMapTable = false;
                target.PitrIdMap.Clear();
                break;
            case "corrupt-state" when op.Count == 3 && op[2] is "lost" or "empty":
                CorruptState(target, ulong.Parse(op[1], CultureInfo.InvariantCulture), op[2]);
                break;
            case "add-log-task" when op.Count is 2 or 3:
                target.LogBackupTasks.Add(new LogBackupTask { Name = op[1], Storage = op.Count == 3 ? op[2] : null });
                break;
            case "show" when op.Count == 1:
                app.Out.WriteLine(JsonSerializer.Serialize(target, JsonFiles.Options));
                return 0;
            default:
                throw new SimulatorConfigurationException($"unknown target operation '{string.Join(' ', op)}'\n{SimulatorCommands.Usage}");
        }

        world.SaveTarget(target);
        return 0;
    }

    /// <summary>
    /// Copies the mysql.tidb_pitr_id_map rows saved under <paramref name="restoredTs"/> to a new restore id, as two
    /// restores that ended at the same ts leave behind; the next segment then cannot tell which state to load.
    /// </summary>
    private static void DuplicateState(TargetCluster target, ulong restoredTs)
    {
        var rows = target.PitrIdMap.Where(r => r.RestoredTs == restoredTs).ToList();
        if (rows.Count == 0)
        {
            throw new SimulatorConfigurationException($"no mysql.tidb_pitr_id_map rows for restored_ts {restoredTs} in target {target.Pd}");
        }

        var otherId = target.PitrIdMap.Max(r => r.RestoreId) + 1;
        target.PitrIdMap.AddRange(rows.Select(r => new PitrIdMapRow
        {
            RestoreId = otherId,
            RestoredTs = r.RestoredTs,
            UpstreamClusterId = r.UpstreamClusterId,
            SegmentId = r.SegmentId,
            IdMap = r.IdMap,
        }));
    }

    /// <summary>
    /// Damages the mysql.tidb_pitr_id_map rows saved under <paramref name="restoredTs"/>: `lost` shifts every row's
    /// segment_id up by one (the part 0 is gone), `empty` empties the first row's data.
    /// </summary>
    private static void CorruptState(TargetCluster target, ulong restoredTs, string how)
    {
        var rows = target.PitrIdMap.Where(r => r.RestoredTs == restoredTs).OrderBy(r => r.SegmentId).ToList();
        if (rows.Count == 0)
        {
            throw new SimulatorConfigurationException($"no mysql.tidb_pitr_id_map rows for restored_ts {restoredTs} in target {target.Pd}");
        }

        if (how == "lost")
        {
            rows.ForEach(r => r.SegmentId++);
        }
        else
        {
            rows[0].IdMap = [];
        }
    }

    private static TableInfo Find(TargetCluster target, string qualified)
    {
        var (db, table) = Split(qualified);
        return target.Data.FindTable(db, table)
            ?? throw new SimulatorConfigurationException($"table '{qualified}' does not exist in target {target.Pd}");
    }

    private static (string Db, string Table) Split(string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < qualified.Length - 1
            ? (qualified[..dot], qualified[(dot + 1)..])
            : throw new SimulatorConfigurationException($"'{qualified}' is not DB.TABLE");
    }
}
