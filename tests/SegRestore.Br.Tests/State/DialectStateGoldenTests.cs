using System.Text;
using SegRestore.Br.State;
using static SegRestore.Br.Tests.State.UpstreamWire;

namespace SegRestore.Br.Tests.State;

/// <summary>
/// One golden per dialect, built from upstream's message shapes: V1 (`--last`) writes a BackupMeta{cluster_id,
/// db_maps} id map file and its items apart as Go's JSON `{"items":{...}}` (br/pkg/restore/log_client/id_map.go at
/// pingcap/tidb 02c38b59, br/pkg/checkpoint/pitr_items.go at db0491d7); V2 (`--last-segment`) a SegmentedPiTRState.
/// </summary>
public class DialectStateGoldenTests
{
    private static readonly byte[] DbMaps = DbMap("shop", IdMap(100, 1100),
        TableMap("orders", IdMap(102, 1102)),
        TableMap("order_items", IdMap(103, 1103), IdMap(104, 1104)));

    /// <summary>BackupMeta as metautil's writer leaves it: cluster_id, db_maps, and fields the reader must skip.</summary>
    private static readonly byte[] V1IdMapFile = Message(o =>
    {
        o.Varint(1, 7318912361258412345UL);
        o.Text(2, "v8.5.0");
        o.Varint(12, 1);
        o.Bytes(22, DbMaps);
    });

    // Go's encoding/json of map[int64]map[int64]bool and map[int64]model.TiFlashReplicaInfo: keys in string order.
    private const string V1IngestItems = """{"items":{"102":{"2":false,"3":true},"103":{"1":true}}}""";
    private const string V1TiFlashItems =
        """{"items":{"1102":{"Count":2,"LocationLabels":["zone","rack's"],"Available":true,"AvailablePartitionIDs":null},"1104":{"Count":1,"LocationLabels":null,"Available":false,"AvailablePartitionIDs":[1104]}}}""";

    [Fact]
    public void V1_files_decode_to_named_items_with_tiflash_by_downstream_and_ingest_by_upstream_id()
    {
        var items = SegmentedStateDecoder.DecodeV1Files(V1IdMapFile, Encoding.UTF8.GetBytes(V1IngestItems), Encoding.UTF8.GetBytes(V1TiFlashItems));

        items.Format.Should().Be(SegmentedStateFormat.BackupMetaWithItemFiles);
        items.DbMaps.Should().ContainSingle().Which.Tables.Select(t => t.Name).Should().Equal("orders", "order_items");
        items.TiFlashReplicas.Should().BeEquivalentTo(new[]
        {
            new TiFlashReplicaItem(1102, "shop", "orders", 2, ["zone", "rack's"], true, []),
            new TiFlashReplicaItem(1104, "shop", "order_items", 1, [], false, [1104]),
        }, o => o.WithStrictOrdering());
        items.IngestIndexes.Should().Equal(
            new IngestIndexItem(102, 1102, "shop", "orders", 2, false),
            new IngestIndexItem(102, 1102, "shop", "orders", 3, true),
            new IngestIndexItem(103, 1103, "shop", "order_items", 1, true));
        items.TiFlashResetStatements.Should().Equal(
            "ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'rack\\'s'",
            "ALTER TABLE `shop`.`order_items` SET TIFLASH REPLICA 1");
    }

    [Fact]
    public void V1_item_files_are_written_byte_for_byte_as_go_marshals_them()
    {
        var items = SegmentedStateDecoder.DecodeV1Files(V1IdMapFile, Encoding.UTF8.GetBytes(V1IngestItems), Encoding.UTF8.GetBytes(V1TiFlashItems));

        Encoding.UTF8.GetString(PitrItemsJson.WriteIngest(items.IngestIndexes)).Should().Be(V1IngestItems);
        Encoding.UTF8.GetString(PitrItemsJson.WriteTiFlash(items.TiFlashReplicas)).Should().Be(V1TiFlashItems);
        Encoding.UTF8.GetString(PitrItemsJson.WriteIngest([])).Should().Be("""{"items":{}}""");
    }

    [Fact]
    public void A_v1_id_map_file_without_item_files_has_maps_and_no_items()
    {
        var items = SegmentedStateDecoder.Decode(V1IdMapFile, SegmentedStateFormat.BackupMetaWithItemFiles);

        items.DbMaps.Should().ContainSingle();
        items.TiFlashReplicas.Should().BeEmpty();
        items.IngestIndexes.Should().BeEmpty();
    }

    [Fact]
    public void The_v1_id_map_file_is_not_a_pitr_id_map_payload()
    {
        // The old reading found no items: BackupMeta has no fields 1001/1002, and its cluster_id (field 1) is no item.
        var misread = SegmentedStateDecoder.Decode(V1IdMapFile, SegmentedStateFormat.PitrIdMapPayload);

        misread.TiFlashReplicas.Should().BeEmpty();
        misread.IngestIndexes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"items\":{\"102\":{\"2\":{\"is_primary\":true}}}}")]
    [InlineData("{\"items\":[]}")]
    [InlineData("{\"items\":{\"x\":{}}}")]
    [InlineData("not json")]
    public void Malformed_v1_ingest_items_raise_only_the_decode_exception(string json)
    {
        var act = () => SegmentedStateDecoder.DecodeV1Files(V1IdMapFile, Encoding.UTF8.GetBytes(json), null);

        act.Should().Throw<SegmentedStateDecodeException>();
    }

    [Fact]
    public void V2_state_built_from_upstream_field_numbers_decodes_to_named_items()
    {
        const string payload = """{"tiflash_items":{"1102":{"Count":2,"LocationLabels":null,"Available":true,"AvailablePartitionIDs":null}},"ingest_recorder":{"items":{"102":{"2":{"is_primary":false}}}}}""";
        var state = Message(o =>
        {
            o.Bytes(22, DbMaps);
            o.Varint(1000, 1);
            o.Bytes(1001, Encoding.UTF8.GetBytes(payload));
        });

        var items = SegmentedStateDecoder.Decode(state, SegmentedStateFormat.SegmentedPiTRState);

        items.PayloadVersion.Should().Be(1);
        items.TiFlashReplicas.Should().ContainSingle().Which.Should().BeEquivalentTo(new TiFlashReplicaItem(1102, "shop", "orders", 2, [], true, []));
        items.IngestIndexes.Should().Equal(new IngestIndexItem(102, 1102, "shop", "orders", 2, false));
        SegmentedStateEncoder.EncodeSegmentedState(items.DbMaps, items.TiFlashReplicas, items.IngestIndexes).Should().Equal(state);
    }

    [Theory]
    [InlineData(7UL, 42UL, "pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:42", "pitr_ingest_items/pitr_ingest_items.cluster_id:7.restored_ts:42", "pitr_tiflash_items/pitr_tiflash_items.cluster_id:7.restored_ts:42")]
    public void V1_file_paths_are_brs(ulong cluster, ulong ts, string idMap, string ingest, string tiflash)
    {
        SegmentedStateFiles.IdMapPath(cluster, ts).Should().Be(idMap);
        SegmentedStateFiles.IngestItemsPath(cluster, ts).Should().Be(ingest);
        SegmentedStateFiles.TiFlashItemsPath(cluster, ts).Should().Be(tiflash);
        SegmentedStateFiles.ItemsPathFor(idMap["pitr_id_maps/".Length..], SegmentedStateFiles.IngestItemsDirectory).Should().Be(ingest);
        SegmentedStateFiles.ItemsPathFor("other", SegmentedStateFiles.IngestItemsDirectory).Should().BeNull();
    }
}
