using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Restore;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class SegmentedStateCodecTests
{
    private static SegmentState State(bool withIngest)
    {
        var maps = new IdMapBook();
        maps.Databases[10] = new DbMapping { Name = "db", DownstreamId = 5010 };
        maps.Databases[10].Tables[20] = new TableMapping { Name = "t", DownstreamId = 5020, Partitions = new() { [21] = 5021 } };
        var items = new SegmentItems();
        items.RecordTiFlash(5020, new TiFlashReplica { Count = 2, LocationLabels = ["zone", "rack"], Available = true });
        if (withIngest)
        {
            items.RecordIngest(20, 3, false);
        }

        return new SegmentState(maps, items);
    }

    [Theory]
    [InlineData(BrDialect.LastSegment)]
    [InlineData(BrDialect.Last)]
    public void Round_trips_through_the_br_decoder(BrDialect dialect)
    {
        var codec = new SegmentedStateCodec(dialect);
        var decoded = codec.Decode(codec.Encode(State(withIngest: true)));
        decoded.Maps.Table(20)!.Value.Mapping.Partitions.Should().Equal(new Dictionary<long, long> { [21] = 5021 });
        decoded.Items.TiFlash[5020].LocationLabels.Should().Equal("zone", "rack");
        decoded.Items.Ingest[20].Should().ContainKey(3);
    }

    [Fact]
    public void A_state_without_items_carries_no_payload_like_br()
    {
        var bytes = new SegmentedStateCodec(BrDialect.LastSegment).Encode(new SegmentState(State(false).Maps, new SegmentItems()));
        var message = Br.Protos.SegmentedPiTRState.Parser.ParseFrom(bytes);
        message.SegmentedPitrStateVer.Should().Be(0);
        message.DbMaps.Should().ContainSingle().Which.Tables.Should().ContainSingle();
    }

    [Fact]
    public void A_newer_state_version_is_refused_in_brs_words()
    {
        var message = Br.Protos.SegmentedPiTRState.Parser.ParseFrom(new SegmentedStateCodec(BrDialect.LastSegment).Encode(State(true)));
        message.SegmentedPitrStateVer = 7;
        var act = () => new SegmentedStateCodec(BrDialect.LastSegment).Decode(Google.Protobuf.MessageExtensions.ToByteArray(message));
        act.Should().Throw<BrErrorException>().WithMessage("unsupported segmented pitr state version: 7");
    }

    [Fact]
    public void Table_store_splits_state_in_512_kib_rows_and_joins_them_back()
    {
        var directory = Path.Combine(Path.GetTempPath(), "brsim-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var world = new SimWorld(directory);
            var target = new TargetCluster { Pd = "pd:2379" };
            var store = new TableSegmentStateStore(world, target, upstreamClusterId: 1);
            var bytes = Enumerable.Range(0, (TableSegmentStateStore.ChunkBytes * 2) + 10).Select(i => (byte)i).ToArray();
            store.Save(42, restoreId: 1, bytes);
            target.PitrIdMap.Should().HaveCount(3);
            store.Load(42).Should().Equal(bytes);
            store.Load(43).Should().BeNull();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
