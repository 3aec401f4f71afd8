using SegRestore.Br.State;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Restore;

namespace SegRestore.BrSim.Tests;

/// <summary>The state the simulator saves between segments decodes with SegRestore.Br's decoder to the workload's items.</summary>
public sealed class StateFileTests
{
    [Theory]
    [InlineData("last-segment", true, SegmentedStateFormat.SegmentedPiTRState)]
    [InlineData("last-segment", false, SegmentedStateFormat.SegmentedPiTRState)]
    [InlineData("last", true, SegmentedStateFormat.BackupMetaWithItemFiles)]
    [InlineData("last", false, SegmentedStateFormat.PitrIdMapPayload)]
    public async Task Saved_state_decodes_to_the_tiflash_and_ingest_items_the_workload_made(string dialect, bool checkpointStorage, SegmentedStateFormat format)
    {
        using var world = new SimWorldFixture(seed: 23);
        var upstream = world.World.LoadUpstream();
        for (var i = 0; i < world.Points.Count - 1; i++)
        {
            var run = await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", dialect)), world.SegmentArgs(i, dialect, withCheckpointStorage: checkpointStorage));
            run.ExitCode.Should().Be(0, run.Stdout);

            var target = world.World.LoadTarget(world.Pd)!;
            var bytes = checkpointStorage
                ? File.ReadAllBytes(Path.Combine(world.Directory, "checkpoint", FileSegmentStateStore.RelativePath(target.ClusterId, world.Points[i])))
                : target.PitrIdMap.Where(r => r.RestoredTs == world.Points[i]).OrderBy(r => r.SegmentId).SelectMany(r => r.IdMap).ToArray();
            var decoded = format == SegmentedStateFormat.BackupMetaWithItemFiles
                ? SegmentedStateDecoder.DecodeV1Files(bytes,
                    File.ReadAllBytes(Path.Combine(world.Directory, "checkpoint", SegmentedStateFiles.IngestItemsPath(target.ClusterId, world.Points[i]))),
                    File.ReadAllBytes(Path.Combine(world.Directory, "checkpoint", SegmentedStateFiles.TiFlashItemsPath(target.ClusterId, world.Points[i]))))
                : SegmentedStateDecoder.Decode(bytes, format);

            var atPoint = upstream.At(world.Points[i]);
            var expectedTiFlash = atPoint.Tables.Values.Where(t => t.TiFlash is { Count: > 0 })
                .Select(t => $"{atPoint.QualifiedName(t)}={t.TiFlash!.Count}").Order(StringComparer.Ordinal);
            decoded.TiFlashReplicas.Select(t => $"{t.Database}.{t.Table}={t.Count}").Order(StringComparer.Ordinal)
                .Should().Equal(expectedTiFlash, $"TiFlash items after segment {i}");

            var expectedIngest = upstream.Events
                .Where(e => e.Kind == LogEventKind.AddIndex && e.Ingest && e.CommitTs > world.Manifest.FullBackupTs && e.CommitTs <= world.Points[i])
                .Select(e => (e.TableId, e.Index!.Id)).Order();
            decoded.IngestIndexes.Select(x => (x.UpstreamTableId, x.IndexId)).Order()
                .Should().Equal(expectedIngest, $"ingest items after segment {i}");
            decoded.IngestIndexes.Should().OnlyContain(x => x.Database == "wl_addindex" && x.DownstreamTableId != null);
        }
    }

    [Fact]
    public async Task V1_under_a_checkpoint_storage_writes_a_backup_meta_id_map_and_its_items_apart()
    {
        using var world = new SimWorldFixture(seed: 23);
        var run = await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", "last")), world.SegmentArgs(0, "last"));
        run.ExitCode.Should().Be(0, run.Stdout);

        var target = world.World.LoadTarget(world.Pd)!;
        var directory = Path.Combine(world.Directory, "checkpoint");
        var meta = Br.Protos.BackupMeta.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(directory, SegmentedStateFiles.IdMapPath(target.ClusterId, world.Points[0]))));
        meta.ClusterId.Should().Be(target.ClusterId);
        meta.DbMaps.Should().NotBeEmpty();
        File.ReadAllText(Path.Combine(directory, SegmentedStateFiles.IngestItemsPath(target.ClusterId, world.Points[0]))).Should().StartWith("{\"items\":{");
        File.ReadAllText(Path.Combine(directory, SegmentedStateFiles.TiFlashItemsPath(target.ClusterId, world.Points[0]))).Should().StartWith("{\"items\":{");
        target.PitrIdMap.Should().Contain(r => r.RestoredTs == world.Points[0], "V1 also writes the payload to mysql.tidb_pitr_id_map when the table exists");
    }
}
