using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class EventApplierTests
{
    private static (ClusterData Data, IdMapBook Maps, SegmentItems Items, EventApplier Applier) Restore()
    {
        var data = new ClusterData();
        var maps = new IdMapBook();
        var items = new SegmentItems();
        long next = 5000;
        var applier = EventApplier.ForRestore(data, maps, () => next++, items);
        applier.Apply(new LogEvent { Kind = LogEventKind.CreateDatabase, DbId = 10, Name = "db" });
        applier.Apply(new LogEvent
        {
            Kind = LogEventKind.CreateTable,
            DbId = 10,
            Table = new TableInfo { Id = 20, DbId = 10, Name = "t", PartitionIds = [21, 22], TiFlash = new TiFlashReplica { Count = 2 } },
        });
        return (data, maps, items, applier);
    }

    [Fact]
    public void Restore_rewrites_ids_and_strips_tiflash_into_items_by_downstream_id()
    {
        var (data, maps, items, _) = Restore();
        var downstream = maps.Table(20)!.Value.Mapping.DownstreamId;
        data.Tables[downstream].TiFlash.Should().BeNull();
        data.Tables[downstream].PartitionIds.Should().HaveCount(2).And.NotContain([21L, 22L]);
        items.TiFlash.Should().ContainKey(downstream).WhoseValue.Count.Should().Be(2);
        maps.Physical(21).Should().Be(data.Tables[downstream].PartitionIds[0]);
    }

    [Fact]
    public void Ingest_index_arrives_unbuilt_and_is_recorded_by_upstream_table_id()
    {
        var (data, maps, items, applier) = Restore();
        applier.Apply(new LogEvent { Kind = LogEventKind.Put, TableId = 20, Key = "k1", Value = "v" });
        applier.Apply(new LogEvent { Kind = LogEventKind.AddIndex, TableId = 20, Ingest = true, Index = new IndexInfo { Id = 3, Name = "idx_3" } });
        var table = data.Tables[maps.Table(20)!.Value.Mapping.DownstreamId];
        table.Indexes.Single(i => i.Id == 3).Built.Should().BeFalse();
        KvStatistics.TotalKvs(table).Should().Be(1);
        items.Ingest.Should().ContainKey(20).WhoseValue.Should().ContainKey(3);
    }

    [Fact]
    public void Writes_after_an_early_repair_leave_stale_index_entries()
    {
        var (data, maps, _, applier) = Restore();
        applier.Apply(new LogEvent { Kind = LogEventKind.AddIndex, TableId = 20, Ingest = true, Index = new IndexInfo { Id = 3, Name = "idx_3" } });
        var table = data.Tables[maps.Table(20)!.Value.Mapping.DownstreamId];
        var index = table.Indexes.Single(i => i.Id == 3);
        index.Built = true;
        index.Version++;
        applier.Apply(new LogEvent { Kind = LogEventKind.Put, TableId = 20, Key = "k1", Value = "v" });
        table.StaleIndexKvs.Should().Be(1);
    }

    [Fact]
    public void Replaying_a_create_table_on_resume_keeps_the_restored_rows()
    {
        var (data, maps, _, applier) = Restore();
        applier.Apply(new LogEvent { Kind = LogEventKind.Put, TableId = 20, Key = "k1", Value = "v" });
        applier.Apply(new LogEvent { Kind = LogEventKind.CreateTable, DbId = 10, Table = new TableInfo { Id = 20, DbId = 10, Name = "t" } });
        data.Tables[maps.Table(20)!.Value.Mapping.DownstreamId].Rows.Should().ContainKey("k1");
    }

    [Fact]
    public void Truncate_maps_the_new_upstream_id_and_moves_the_tiflash_item()
    {
        var (data, maps, items, applier) = Restore();
        var oldDownstream = maps.Table(20)!.Value.Mapping.DownstreamId;
        applier.Apply(new LogEvent { Kind = LogEventKind.TruncateTable, TableId = 20, Table = new TableInfo { Id = 30, PartitionIds = [31, 32] } });
        var newDownstream = maps.Table(30)!.Value.Mapping.DownstreamId;
        data.Tables.Should().ContainKey(newDownstream).And.NotContainKey(oldDownstream);
        items.TiFlash.Should().ContainKey(newDownstream).And.NotContainKey(oldDownstream);
    }
}
