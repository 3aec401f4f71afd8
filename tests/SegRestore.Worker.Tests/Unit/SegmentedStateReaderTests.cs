using Google.Protobuf;
using SegRestore.Br.Probe;
using SegRestore.Br.Protos;
using SegRestore.Br.State;
using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Unit;

public sealed class SegmentedStateReaderTests
{
    [Fact]
    public async Task V1_state_is_read_from_the_backup_meta_id_map_and_the_item_files_beside_it()
    {
        using var temp = new TempDir();
        var meta = new BackupMeta { ClusterId = 7 };
        meta.DbMaps.Add(new PitrDBMap
        {
            Name = "shop",
            IdMap = new IDMap { UpstreamId = 100, DownstreamId = 1100 },
            Tables = { new PitrTableMap { Name = "orders", IdMap = new IDMap { UpstreamId = 102, DownstreamId = 1102 } } },
        });
        Write(temp.Path, SegmentedStateFiles.IdMapPath(7, 42), meta.ToByteArray());
        Write(temp.Path, SegmentedStateFiles.IngestItemsPath(7, 42), """{"items":{"102":{"3":false}}}"""u8.ToArray());
        Write(temp.Path, SegmentedStateFiles.TiFlashItemsPath(7, 42),
            """{"items":{"1102":{"Count":2,"LocationLabels":null,"Available":true,"AvailablePartitionIDs":null}}}"""u8.ToArray());

        var items = await SegmentedStateReader.ReadAsync(temp.Path, 42, BrDialect.Last, CancellationToken.None);

        items!.TiFlashResetStatements.Should().Equal("ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2");
        items.IngestIndexes.Should().Equal(new IngestIndexItem(102, 1102, "shop", "orders", 3, false));
    }

    [Fact]
    public async Task A_v1_id_map_without_item_files_gives_maps_only()
    {
        using var temp = new TempDir();
        Write(temp.Path, SegmentedStateFiles.IdMapPath(7, 42), new BackupMeta { ClusterId = 7 }.ToByteArray());

        var items = await SegmentedStateReader.ReadAsync(temp.Path, 42, BrDialect.Last, CancellationToken.None);

        items!.TiFlashReplicas.Should().BeEmpty();
        items.IngestIndexes.Should().BeEmpty();
    }

    private static void Write(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
