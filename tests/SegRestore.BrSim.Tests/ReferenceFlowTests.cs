using SegRestore.Br.Output;

namespace SegRestore.BrSim.Tests;

/// <summary>
/// BR-CONTRACT.md's reference flow run against the real `br` simulator process: five restore points, five segments
/// (restoredTs = cp[i], startTs = cp[i-1], only the last with last=true), then the verifier at the final point.
/// </summary>
public sealed class ReferenceFlowTests
{
    [Theory]
    [InlineData("last-segment", "last-segment", true)]
    [InlineData("last-segment", "last-segment", false)]
    [InlineData("last", "last", true)]
    [InlineData("last", "last", false)]
    public async Task Five_segments_verify_clean_in_every_dialect_and_checkpoint_mode(string dialect, string lastFlag, bool checkpointStorage)
    {
        using var world = new SimWorldFixture(seed: 11);
        var env = world.Env(("BRSIM_DIALECT", dialect));
        for (var i = 0; i < world.Points.Count; i++)
        {
            var result = await BrProcess.RunAsync(env, world.SegmentArgs(i, lastFlag, withCheckpointStorage: checkpointStorage));
            result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
            var events = BrOutput.ParseAllKnown(result.Stdout);
            var summary = events.OfType<LogRestoreSummaryEvent>().Should().ContainSingle().Subject;
            summary.SourceEndPoint.Should().Be(world.Points[i]);
            events.OfType<IngestRepairProgressEvent>().Any().Should().Be(
                i == world.Points.Count - 1, "ingest indexes are repaired on the last segment only");
            if (i == 0)
            {
                events.OfType<FullRestoreSummaryEvent>().Should().ContainSingle();
            }
        }

        var verify = await BrProcess.RunAsync(env, "brsim", "verify", "--world", world.Directory, "--cluster", world.Pd);
        verify.ExitCode.Should().Be(0, verify.Stdout);
        verify.Stdout.Should().Contain("tables match the upstream");
        File.ReadAllLines(world.World.AuditLogPath).Should().HaveCount(world.Points.Count);
        Directory.Exists(Path.Combine(world.Directory, "checkpoint", "checkpoints", $"log_restore_{world.World.LoadTarget(world.Pd)!.ClusterId}"))
            .Should().BeFalse("checkpoint data is deleted after each segment succeeds");
    }

    [Fact]
    public async Task Two_seeds_give_different_worlds_that_both_verify_clean()
    {
        using var first = new SimWorldFixture(seed: 1);
        using var second = new SimWorldFixture(seed: 2);
        File.ReadAllText(first.World.UpstreamPath).Should().NotBe(File.ReadAllText(second.World.UpstreamPath));
        first.Points.Should().NotEqual(second.Points);
        foreach (var world in new[] { first, second })
        {
            for (var i = 0; i < world.Points.Count; i++)
            {
                (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(i))).ExitCode.Should().Be(0);
            }

            var verify = await BrProcess.RunAsync(world.Env(), "brsim", "verify", "--world", world.Directory);
            verify.ExitCode.Should().Be(0, verify.Stdout);
        }
    }

    [Fact]
    public async Task Old_br_that_repairs_on_every_segment_shows_AddIndex_total_kvs_mismatch()
    {
        using var world = new SimWorldFixture(seed: 7);
        var env = world.Env(("BRSIM_REPAIR_EVERY_SEGMENT", "1"));
        for (var i = 0; i < world.Points.Count; i++)
        {
            (await BrProcess.RunAsync(env, world.SegmentArgs(i))).ExitCode.Should().Be(0);
        }

        var verify = await BrProcess.RunAsync(env, "brsim", "verify", "--world", world.Directory);
        verify.ExitCode.Should().Be(1);
        verify.Stdout.Should().MatchRegex(@"AddIndex: Total_kvs mismatch: got \d+ want \d+");
    }

    [Fact]
    public async Task Workload_and_verify_verbs_run_as_a_process()
    {
        var directory = Path.Combine(Path.GetTempPath(), "brsim-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var made = await BrProcess.RunAsync(new Dictionary<string, string>(), "brsim", "workload", "--world", directory, "--seed", "5", "--points", "3");
            made.ExitCode.Should().Be(0, made.Stderr);
            made.Stdout.Should().Contain("\"RestorePoints\"");
            var verify = await BrProcess.RunAsync(new Dictionary<string, string>(), "brsim", "verify", "--world", directory);
            verify.ExitCode.Should().Be(1, "nothing was restored into the target yet");
            verify.Stdout.Should().Contain("table missing in the target");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
