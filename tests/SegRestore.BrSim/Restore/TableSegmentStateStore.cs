using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// mysql.tidb_pitr_id_map in the target: the state split in 512 KiB chunks, one row per chunk. Several restore ids at
/// one restored_ts: V2 refuses them (`multiple restore_id values found`); V1 takes the latest
/// (loadLatestRestoreIDFromTable, `ORDER BY restore_id DESC LIMIT 1`, log_client/pitr_id_map_payload.go at 02c38b59).
/// </summary>
public sealed class TableSegmentStateStore(SimWorld world, TargetCluster target, ulong upstreamClusterId, bool latestRestoreIdWins = false)
    : ISegmentStateStore
{
    public const int ChunkBytes = 512 * 1024;

    /// <summary>BR's annotation of ErrPiTRIDMapTableNotFound when the previous state must come from a table that does not exist.</summary>
    public const string TableMissingError = "segmented restore is impossible: [BR:PiTR:ErrPiTRIDMapTableNotFound]";

    public byte[]? Load(ulong restoredTs)
    {
        if (!target.HasPitrIdMapTable)
        {
            throw new BrErrorException(TableMissingError);
        }

        var rows = target.PitrIdMap
            .Where(r => r.RestoredTs == restoredTs && r.UpstreamClusterId == upstreamClusterId)
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var restoreIds = rows.Select(r => r.RestoreId).Distinct().ToList();
        if (restoreIds.Count > 1 && latestRestoreIdWins)
        {
            rows = rows.Where(r => r.RestoreId == restoreIds.Max()).ToList();
        }
        else if (restoreIds.Count > 1)
        {
            throw new BrErrorException($"multiple restore_id values found for restored_ts {restoredTs}: {string.Join(", ", restoreIds)}");
        }

        // As BR's loadPitrIdMapDataFromTable: the i-th row by segment_id must be part i, and no part may be empty.
        var ordered = rows.OrderBy(r => r.SegmentId).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].SegmentId != i)
            {
                throw new BrErrorException($"the part(segment_id = {i}) of pitr id map is lost");
            }

            if (ordered[i].IdMap.Length == 0)
            {
                throw new BrErrorException($"get the empty part(segment_id = {i}) of pitr id map");
            }
        }

        return ordered.SelectMany(r => r.IdMap).ToArray();
    }

    public void Save(ulong restoredTs, ulong restoreId, byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!target.HasPitrIdMapTable)
        {
            return; // BR writes the id map file to the log storage then; the simulator keeps nothing
        }

        target.PitrIdMap.RemoveAll(r => r.RestoredTs == restoredTs && r.RestoreId == restoreId);
        for (int offset = 0, segment = 0; offset < state.Length; offset += ChunkBytes, segment++)
        {
            target.PitrIdMap.Add(new PitrIdMapRow
            {
                RestoreId = restoreId,
                RestoredTs = restoredTs,
                UpstreamClusterId = upstreamClusterId,
                SegmentId = segment,
                IdMap = state[offset..Math.Min(state.Length, offset + ChunkBytes)],
            });
        }

        world.SaveTarget(target);
    }
}
