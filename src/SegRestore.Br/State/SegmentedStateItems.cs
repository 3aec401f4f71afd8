using SegRestore.Br.Protos;

namespace SegRestore.Br.State;

/// <summary>What BR carries from one segment to the next, decoded: the id maps and the pending last-segment work.</summary>
public sealed record SegmentedStateItems(
    SegmentedStateFormat Format,
    ulong PayloadVersion,
    IReadOnlyList<PitrDBMap> DbMaps,
    IReadOnlyList<TiFlashReplicaItem> TiFlashReplicas,
    IReadOnlyList<IngestIndexItem> IngestIndexes)
{
    /// <summary>Reset statements for every replica whose table is known, in table-id order.</summary>
    public IReadOnlyList<string> TiFlashResetStatements =>
        TiFlashReplicas.Select(r => r.ResetSql).OfType<string>().ToList();
}
