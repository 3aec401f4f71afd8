using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Unit;

public sealed class CheckpointPathsTests
{
    [Theory]
    [InlineData(".segrestore-sync", true)]
    [InlineData(".segrestore-sync.tmp", true)]
    [InlineData("lost+found", true)]
    [InlineData("lost+found/#12", true)]
    [InlineData("pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:42.tmp.0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData("checkpoints/restore/data/restored_files.cpt.tmp.0F8FAD5B-D9CB-469F-A165-70867728950E", true)]
    [InlineData("checkpoints/a.segrestore-partial", true)]
    [InlineData("pitr_id_maps/pitr_id_map.cluster_id:7.restored_ts:42", false)]
    [InlineData("checkpoints/restore/data/restored_files.cpt", false)]
    [InlineData("checkpoints/a.tmp", true)] // older BR wrote <name>.tmp
    [InlineData("checkpoints/a.tmp.not-a-uuid", false)]
    [InlineData("sub/.segrestore-sync", false)] // only the top-level marker is the worker's
    [InlineData("sub/lost+found", false)]
    public void Only_the_workers_marker_brs_unfinished_writes_and_lost_and_found_stay_out_of_the_ledger(string path, bool excluded) =>
        CheckpointPaths.IsExcluded(path).Should().Be(excluded);

    [Fact]
    public async Task A_scan_skips_the_marker_and_brs_unfinished_writes()
    {
        using var temp = new TempDir();
        var root = Path.Combine(temp.Path, "checkpoint");
        Directory.CreateDirectory(Path.Combine(root, "pitr_id_maps"));
        Directory.CreateDirectory(Path.Combine(root, "lost+found"));
        File.WriteAllText(Path.Combine(root, ".segrestore-sync"), "{\"generation\":3}");
        File.WriteAllText(Path.Combine(root, "pitr_id_maps", "m"), "map");
        File.WriteAllText(Path.Combine(root, "pitr_id_maps", "m.tmp.0f8fad5b-d9cb-469f-a165-70867728950e"), "half");

        var files = await new CheckpointDirectory(root).ScanAsync(CancellationToken.None);

        files.Keys.Should().Equal("pitr_id_maps/m");
    }
}
