using SegRestore.Br;
using SegRestore.Br.State;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// What BR does only on the last segment: rebuild ingest-mode indexes (drop and re-add; a new index version) and put
/// TiFlash replicas back. BRSIM_REPAIR_EVERY_SEGMENT=1 emulates the old BR that repaired on every segment.
/// </summary>
public static class SegmentFinalizer
{
    public static async Task RepairIngestIndexesAsync(RestoreRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var (upstreamTableId, indexes) in run.Items.Ingest)
        {
            var downstreamId = run.Maps.Table(upstreamTableId)?.Mapping.DownstreamId;
            if (downstreamId is null || !run.Target.Data.Tables.TryGetValue(downstreamId.Value, out var table))
            {
                continue; // dropped or truncated since: nothing to repair
            }

            var db = run.Target.Data.Databases.GetValueOrDefault(table.DbId)?.Name ?? "";
            foreach (var indexId in indexes.Keys)
            {
                var index = table.Indexes.FirstOrDefault(i => i.Id == indexId);
                if (index is null)
                {
                    continue;
                }

                var title = BrMessages.IngestRepairStep(index.Name, db, table.Name);
                if (run.ConsoleIsTerminal)
                {
                    await RepairOnConsoleAsync(run, new ConsoleTaskBar(run.Log, run.Faults, title), index, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // Without a terminal BR's console glue falls back to utils.StartProgress, which logs `[progress]` lines.
                var progress = run.Progress(title, 1);
                Rebuild(run, index);
                await progress.IncAsync(1, cancellationToken).ConfigureAwait(false);
                progress.Complete();
            }
        }
    }

    private static async Task RepairOnConsoleAsync(RestoreRun run, ConsoleTaskBar bar, IndexInfo index, CancellationToken cancellationToken)
    {
        try
        {
            await bar.SpinAsync(cancellationToken).ConfigureAwait(false);
            Rebuild(run, index);
            await bar.SpinAsync(cancellationToken).ConfigureAwait(false);
            await bar.DoneAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            bar.Abort();
            throw;
        }
    }

    private static void Rebuild(RestoreRun run, IndexInfo index)
    {
        index.Built = true;
        index.Version++;
        run.World.SaveTarget(run.Target);
    }

    public static void ResetTiFlashReplicas(RestoreRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var statements = new List<string>();
        var tables = new List<(TableInfo Table, TiFlashReplica Replica)>();
        foreach (var (tableId, replica) in run.Items.TiFlash)
        {
            if (run.Target.Data.Tables.TryGetValue(tableId, out var table))
            {
                var db = run.Target.Data.Databases.GetValueOrDefault(table.DbId)?.Name ?? "";
                statements.Add(TiFlashResetSql.For(db, table.Name, replica.Count, replica.LocationLabels));
                tables.Add((table, replica));
            }
        }

        run.Log.Detail("stream.go:1795", "Generating SQLs for restoring TiFlash Replica",
            LogField.Of("sqls", "[" + string.Join(",", statements.Select(s => "\"" + s + "\"")) + "]"));
        if (run.EnvironmentFlag("BRSIM_TIFLASH_RESET_FAIL") && statements.Count > 0)
        {
            // BR retries the reset and, when it keeps failing, only warns (once per statement) and still succeeds.
            foreach (var sql in statements)
            {
                run.Log.Warn("client.go:1641", BrMessages.TiFlashResetFailed,
                    LogField.Of(BrLogFields.Sql, sql), LogField.Of(BrLogFields.Error, "[tikv:9005]Region is unavailable"));
            }

            return;
        }

        foreach (var (table, replica) in tables)
        {
            table.TiFlash = replica.Clone();
        }

        run.World.SaveTarget(run.Target);
    }
}
