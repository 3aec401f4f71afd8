using System.Text.Json;
using Google.Protobuf;
using SegRestore.Br.Protos;

namespace SegRestore.Br.State;

/// <summary>
/// Decodes BR's segmented state (the `pitr_id_maps/...` file or the `mysql.tidb_pitr_id_map` blob) into items with
/// names resolved: TiFlash items by downstream table id, ingest items by upstream table id. Any malformed input
/// raises <see cref="SegmentedStateDecodeException"/> and nothing else.
/// </summary>
public static class SegmentedStateDecoder
{
    /// <summary>The JSON payload version this decoder reads (BR's `segmentedPiTRStatePayloadVersion`).</summary>
    public const ulong SupportedPayloadVersion = 1;

    public static SegmentedStateItems Decode(ReadOnlyMemory<byte> bytes, SegmentedStateFormat format) => format switch
    {
        SegmentedStateFormat.PitrIdMapPayload => DecodePitrIdMapPayload(bytes),
        SegmentedStateFormat.BackupMetaWithItemFiles => DecodeV1Files(bytes, null, null),
        _ => DecodeSegmentedState(bytes),
    };

    public static SegmentedStateItems DecodeSegmentedState(ReadOnlyMemory<byte> bytes)
    {
        var state = Parse(SegmentedPiTRState.Parser, bytes);
        var index = new IdMapIndex(state.DbMaps);
        if (state.SegmentedPitrStateVer == 0 || state.SegmentedPitrState.IsEmpty)
        {
            return new SegmentedStateItems(SegmentedStateFormat.SegmentedPiTRState, state.SegmentedPitrStateVer, state.DbMaps, [], []);
        }

        if (state.SegmentedPitrStateVer != SupportedPayloadVersion)
        {
            throw new SegmentedStateDecodeException(BrMessages.UnsupportedSegmentedStateVersion(state.SegmentedPitrStateVer));
        }

        List<SegmentedStateJson.RawTiFlash> tiflash;
        List<SegmentedStateJson.RawIngest> ingest;
        try
        {
            (tiflash, ingest) = SegmentedStateJson.Read(state.SegmentedPitrState.Memory);
        }
        catch (JsonException ex)
        {
            throw new SegmentedStateDecodeException($"segmented state payload is not valid JSON: {ex.Message}", ex);
        }

        return new SegmentedStateItems(
            SegmentedStateFormat.SegmentedPiTRState,
            state.SegmentedPitrStateVer,
            state.DbMaps,
            tiflash.Select(t => TiFlash(index, t.TableId, t.Count, t.Labels, t.Available, t.AvailablePartitions)).OrderBy(t => t.DownstreamTableId).ToList(),
            ingest.Select(i => Ingest(index, i.TableId, i.IndexId, i.IsPrimary)).OrderBy(i => i.UpstreamTableId).ThenBy(i => i.IndexId).ToList());
    }

    public static SegmentedStateItems DecodePitrIdMapPayload(ReadOnlyMemory<byte> bytes)
    {
        var payload = Parse(PitrIdMapPayload.Parser, bytes);
        var index = new IdMapIndex(payload.DbMaps);
        var tiflash = payload.TiflashItems
            .Where(t => t.Replica is not null)
            .Select(t => TiFlash(index, t.TableId, t.Replica.Count, [.. t.Replica.LocationLabels], t.Replica.Available, [.. t.Replica.AvailablePartitionIds]))
            .OrderBy(t => t.DownstreamTableId)
            .ToList();
        var ingest = payload.IngestItems
            .SelectMany(item => item.Indexes.Select(ix => Ingest(index, item.TableId, ix.IndexId, ix.IsPrimary)))
            .OrderBy(i => i.UpstreamTableId).ThenBy(i => i.IndexId)
            .ToList();
        return new SegmentedStateItems(SegmentedStateFormat.PitrIdMapPayload, 0, payload.DbMaps, tiflash, ingest);
    }

    /// <summary>
    /// V1's state under --checkpoint-storage: the id map file (a `BackupMeta` whose db_maps = 22 carry the maps) and
    /// the item files beside it, each optional (null: no file, so no items; arrays, because a null array would silently
    /// become an empty ReadOnlyMemory).
    /// </summary>
    public static SegmentedStateItems DecodeV1Files(ReadOnlyMemory<byte> idMapFile, byte[]? ingestItemsFile, byte[]? tiflashItemsFile)
    {
        var meta = Parse(BackupMeta.Parser, idMapFile);
        var index = new IdMapIndex(meta.DbMaps);
        var tiflash = tiflashItemsFile is { } tiflashJson
            ? PitrItemsJson.ReadTiFlash(tiflashJson)
                .Select(t => TiFlash(index, t.TableId, t.Count, t.Labels, t.Available, t.AvailablePartitions))
                .OrderBy(t => t.DownstreamTableId)
                .ToList()
            : [];
        var ingest = ingestItemsFile is { } ingestJson
            ? PitrItemsJson.ReadIngest(ingestJson)
                .Select(i => Ingest(index, i.TableId, i.IndexId, i.IsPrimary))
                .OrderBy(i => i.UpstreamTableId).ThenBy(i => i.IndexId)
                .ToList()
            : [];
        return new SegmentedStateItems(SegmentedStateFormat.BackupMetaWithItemFiles, 0, meta.DbMaps, tiflash, ingest);
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlyMemory<byte> bytes)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes.Span);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new SegmentedStateDecodeException($"segmented state is not a valid {typeof(T).Name} message: {ex.Message}", ex);
        }
    }

    private static TiFlashReplicaItem TiFlash(IdMapIndex index, long downstreamId, ulong count, List<string> labels, bool available, List<long> partitions)
    {
        var name = index.ByDownstream(downstreamId);
        return new TiFlashReplicaItem(downstreamId, name?.Database, name?.Table, count, labels, available, partitions);
    }

    private static IngestIndexItem Ingest(IdMapIndex index, long upstreamId, long indexId, bool isPrimary)
    {
        var name = index.ByUpstream(upstreamId);
        return new IngestIndexItem(upstreamId, name?.DownstreamTableId, name?.Database, name?.Table, indexId, isPrimary);
    }
}
