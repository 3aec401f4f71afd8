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
    [InlineData("last", true, SegmentedStateFormat.PitrIdMapPayload)]
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
            var decoded = SegmentedStateDecoder.Decode(bytes, format);

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
}
