using Google.Protobuf;
using SegRestore.Br.Protos;
using SegRestore.Br.State;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// V1 (`--last`) with --checkpoint-storage. V1 holds its state as a PitrIdMapPayload (the codec's bytes) and stores it
/// apart: the id maps as `pitr_id_maps/pitr_id_map.cluster_id:%d.restored_ts:%d`, a kvproto BackupMeta with only
/// cluster_id and db_maps (log_client/id_map.go saveIDMap2Storage at pingcap/tidb 02c38b59), the items as JSON
/// `{"items":{...}}` in `pitr_ingest_items/...` and `pitr_tiflash_items/...` (checkpoint/pitr_items.go at db0491d7);
/// and, when the target has mysql.tidb_pitr_id_map, the whole payload there too (savePitrIdMapPayload writes the table
/// first). The next segment reads the files.
/// </summary>
public sealed class V1FileSegmentStateStore(string checkpointStorageDirectory, ulong downstreamClusterId, ISegmentStateStore? table)
    : ISegmentStateStore
{
    public byte[]? Load(ulong restoredTs)
    {
        var idMap = ReadOptional(SegmentedStateFiles.IdMapPath(downstreamClusterId, restoredTs));
        if (idMap is null)
        {
            return null;
        }

        var items = SegmentedStateDecoder.DecodeV1Files(idMap,
            ReadOptional(SegmentedStateFiles.IngestItemsPath(downstreamClusterId, restoredTs)),
            ReadOptional(SegmentedStateFiles.TiFlashItemsPath(downstreamClusterId, restoredTs)));
        var payload = new PitrIdMapPayload();
        payload.DbMaps.AddRange(items.DbMaps);
        payload.IngestItems.AddRange(items.IngestIndexes.GroupBy(i => i.UpstreamTableId).Select(t => new PitrIngestItem
        {
            TableId = t.Key,
            Indexes = { t.Select(i => new PitrIngestIndex { IndexId = i.IndexId, IsPrimary = i.IsPrimary }) },
        }));
        payload.TiflashItems.AddRange(items.TiFlashReplicas.Select(t => new PitrTiFlashItem
        {
            TableId = t.DownstreamTableId,
            Replica = new PitrTiFlashReplicaInfo
            {
                Count = t.Count,
                LocationLabels = { t.LocationLabels },
                Available = t.Available,
                AvailablePartitionIds = { t.AvailablePartitionIds },
            },
        }));
        return payload.ToByteArray();
    }

    public void Save(ulong restoredTs, ulong restoreId, byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        table?.Save(restoredTs, restoreId, state);
        var payload = PitrIdMapPayload.Parser.ParseFrom(state);
        var meta = new BackupMeta { ClusterId = downstreamClusterId };
        meta.DbMaps.AddRange(payload.DbMaps);
        Write(SegmentedStateFiles.IdMapPath(downstreamClusterId, restoredTs), meta.ToByteArray());
        Write(SegmentedStateFiles.IngestItemsPath(downstreamClusterId, restoredTs), PitrItemsJson.WriteIngest(
            payload.IngestItems.SelectMany(t => t.Indexes.Select(i => new IngestIndexItem(t.TableId, null, null, null, i.IndexId, i.IsPrimary)))));
        Write(SegmentedStateFiles.TiFlashItemsPath(downstreamClusterId, restoredTs), PitrItemsJson.WriteTiFlash(
            payload.TiflashItems.Where(t => t.Replica is not null).Select(t => new TiFlashReplicaItem(
                t.TableId, null, null, t.Replica.Count, [.. t.Replica.LocationLabels], t.Replica.Available, [.. t.Replica.AvailablePartitionIds]))));
    }

    private byte[]? ReadOptional(string relativePath)
    {
        var path = Path.Combine(checkpointStorageDirectory, relativePath);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private void Write(string relativePath, byte[] bytes) => JsonFiles.WriteBytes(Path.Combine(checkpointStorageDirectory, relativePath), bytes);
}
