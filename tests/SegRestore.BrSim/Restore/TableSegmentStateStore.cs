using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>mysql.tidb_pitr_id_map in the target: the state split in 512 KiB chunks, one row per chunk.</summary>
public sealed class TableSegmentStateStore(SimWorld world, TargetCluster target, ulong upstreamClusterId) : ISegmentStateStore
{
    public const int ChunkBytes = 512 * 1024;

    public byte[]? Load(ulong restoredTs)
    {
        var rows = target.PitrIdMap
            .Where(r => r.RestoredTs == restoredTs && r.UpstreamClusterId == upstreamClusterId)
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var restoreIds = rows.Select(r => r.RestoreId).Distinct().ToList();
        if (restoreIds.Count > 1)
        {
            throw new BrErrorException($"multiple restore_id values found for restored_ts {restoredTs}: {string.Join(", ", restoreIds)}");
        }

        return rows.OrderBy(r => r.SegmentId).SelectMany(r => r.IdMap).ToArray();
    }

    public void Save(ulong restoredTs, ulong restoreId, byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        target.PitrIdMap.RemoveAll(r => r.RestoredTs == restoredTs && r.RestoreId == restoreId);
        for (int offset = 0, segment = 0; offset < state.Length || segment == 0; offset += ChunkBytes, segment++)
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
