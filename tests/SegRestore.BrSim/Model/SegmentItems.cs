namespace SegRestore.BrSim.Model;

/// <summary>
/// What BR carries between segments besides the id maps: TiFlash replicas it stripped (keyed by the downstream table
/// id) and ingest-mode indexes it must rebuild (keyed by the upstream table id, then the index id -> is_primary).
/// </summary>
public sealed class SegmentItems
{
    public SortedDictionary<long, TiFlashReplica> TiFlash { get; set; } = [];
    public SortedDictionary<long, SortedDictionary<long, bool>> Ingest { get; set; } = [];

    public void RecordIngest(long upstreamTableId, long indexId, bool isPrimary)
    {
        if (!Ingest.TryGetValue(upstreamTableId, out var indexes))
        {
            indexes = [];
            Ingest[upstreamTableId] = indexes;
        }

        indexes[indexId] = isPrimary;
    }

    public void RecordTiFlash(long downstreamTableId, TiFlashReplica? replica)
    {
        if (replica is null || replica.Count == 0)
        {
            TiFlash.Remove(downstreamTableId);
            return;
        }

        TiFlash[downstreamTableId] = replica.Clone();
    }
}
