using Google.Protobuf;
using SegRestore.Br.Probe;
using SegRestore.Br.Protos;
using SegRestore.Br.State;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// Writes the state as the impersonated BR does and reads it back with SegRestore.Br's decoder: V2 a SegmentedPiTRState
/// (db_maps = 22, version 1 JSON payload in field 1001, written by SegRestore.Br's encoder), V1 a PitrIdMapPayload (typed
/// items; the store splits it into BR's files under a checkpoint storage), a BR without segments only the id maps.
/// </summary>
public sealed class SegmentedStateCodec(BrDialect dialect) : ISegmentStateCodec
{
    public SegmentedStateFormat Format => dialect == BrDialect.Last ? SegmentedStateFormat.PitrIdMapPayload : SegmentedStateFormat.SegmentedPiTRState;

    public byte[] Encode(SegmentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var dbMaps = DbMaps(state.Maps);
        if (dialect == BrDialect.Last)
        {
            var payload = new PitrIdMapPayload();
            payload.DbMaps.AddRange(dbMaps);
            payload.IngestItems.AddRange(state.Items.Ingest.Select(p =>
            {
                var item = new PitrIngestItem { TableId = p.Key };
                item.Indexes.AddRange(p.Value.Select(i => new PitrIngestIndex { IndexId = i.Key, IsPrimary = i.Value }));
                return item;
            }));
            payload.TiflashItems.AddRange(state.Items.TiFlash.Select(p => new PitrTiFlashItem
            {
                TableId = p.Key,
                Replica = new PitrTiFlashReplicaInfo { Count = p.Value.Count, LocationLabels = { p.Value.LocationLabels }, Available = p.Value.Available },
            }));
            return payload.ToByteArray();
        }

        if (dialect == BrDialect.LastSegment)
        {
            return SegmentedStateEncoder.EncodeSegmentedState(dbMaps,
                state.Items.TiFlash.Select(p => new TiFlashReplicaItem(p.Key, null, null, p.Value.Count, p.Value.LocationLabels, p.Value.Available, [])).ToList(),
                state.Items.Ingest.SelectMany(t => t.Value.Select(i => new IngestIndexItem(t.Key, null, null, null, i.Key, i.Value))).ToList());
        }

        // A BR without segmented restore saves only the id maps.
        var message = new SegmentedPiTRState();
        message.DbMaps.AddRange(dbMaps);
        return message.ToByteArray();
    }

    public SegmentState Decode(byte[] bytes)
    {
        SegmentedStateItems decoded;
        try
        {
            decoded = SegmentedStateDecoder.Decode(bytes, Format);
        }
        catch (SegmentedStateDecodeException e)
        {
            throw new BrErrorException(e.Message, e);
        }

        var items = new SegmentItems();
        foreach (var t in decoded.TiFlashReplicas)
        {
            items.TiFlash[t.DownstreamTableId] = new TiFlashReplica { Count = t.Count, LocationLabels = [.. t.LocationLabels], Available = t.Available };
        }

        foreach (var i in decoded.IngestIndexes)
        {
            items.RecordIngest(i.UpstreamTableId, i.IndexId, i.IsPrimary);
        }

        return new SegmentState(Maps(decoded.DbMaps), items);
    }

    private static List<PitrDBMap> DbMaps(IdMapBook maps) =>
        maps.Databases.Select(db =>
        {
            var map = new PitrDBMap { Name = db.Value.Name, IdMap = new IDMap { UpstreamId = db.Key, DownstreamId = db.Value.DownstreamId } };
            map.Tables.AddRange(db.Value.Tables.Select(t =>
            {
                var table = new PitrTableMap { Name = t.Value.Name, IdMap = new IDMap { UpstreamId = t.Key, DownstreamId = t.Value.DownstreamId } };
                table.Partitions.AddRange(t.Value.Partitions.Select(p => new IDMap { UpstreamId = p.Key, DownstreamId = p.Value }));
                return table;
            }));
            return map;
        }).ToList();

    private static IdMapBook Maps(IReadOnlyList<PitrDBMap> dbMaps)
    {
        var book = new IdMapBook();
        foreach (var db in dbMaps)
        {
            var mapping = new DbMapping { Name = db.Name, DownstreamId = db.IdMap?.DownstreamId ?? 0 };
            foreach (var table in db.Tables)
            {
                mapping.Tables[table.IdMap?.UpstreamId ?? 0] = new TableMapping
                {
                    Name = table.Name,
                    DownstreamId = table.IdMap?.DownstreamId ?? 0,
                    Partitions = new SortedDictionary<long, long>(table.Partitions.ToDictionary(p => p.UpstreamId, p => p.DownstreamId)),
                };
            }

            book.Databases[db.IdMap?.UpstreamId ?? 0] = mapping;
        }

        return book;
    }
}
