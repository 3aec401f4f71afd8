using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

public sealed class SuccessTests
{
    [Theory]
    [InlineData("last-segment", "--last-segment")]
    [InlineData("last", "--last")]
    public async Task First_middle_and_last_segments_succeed_with_state_carried_through_the_ledger(string dialect, string lastFlag)
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 3);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        for (var segment = 0; segment < 3; segment++)
        {
            // Every attempt starts from an empty checkpoint dir: the previous segment's state must come from the ledger.
            var checkpointDir = WorkerEnvBuilder.NewCheckpointDir(world, segment, 1);
            var env = WorkerEnvBuilder.For(reporter, world, segment, 1, reporter.Grant(segment, 1), checkpointDir, world.SegmentArgs(segment, checkpointDir, lastFlag), dialect);
            using var worker = WorkerProcess.Start(env);
            var exit = await worker.WaitAsync();
            exit.Should().Be(0, "segment {0} should succeed.\nstdout:\n{1}\nstderr:\n{2}", segment, worker.Stdout, worker.Stderr);

            var record = await reporter.SegmentAsync(segment);
            record.State.Should().Be(SegmentState.Succeeded, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
            record.Attempts.Should().ContainSingle().Which.Outcome.Should().Be(AttemptOutcome.Succeeded);
            record.Summary!.TotalKvCount.Should().BeGreaterThan(0);
            reporter.Activity.Get(TestReporter.SegmentUid(segment), 1)!.ResultsRecorded.Should().Be(1);
            reporter.Activity.Get(TestReporter.SegmentUid(segment), 1)!.LatestProgress.Should().NotBeNull();
            File.Exists(env["SEGRESTORE_TERMINATION_LOG"]).Should().BeFalse("the result was delivered");

            if (segment == 0)
            {
                // The first segment strips TiFlash replicas and records ingest indexes; the worker decodes BR's state.
                var items = await reporter.Ledger.LoadItemsAsync(TestReporter.RootUid, CancellationToken.None);
                (items.TiFlash.Count + items.Ingest.Count).Should().BeGreaterThan(0, "BR's segmented state holds items.\n{0}", worker.Stdout);
                items.GeneratedSql.Should().HaveCount(items.TiFlash.Count).And.OnlyContain(sql => sql.Contains("SET TIFLASH REPLICA", StringComparison.Ordinal));
            }

            var checkpoint = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
            checkpoint.Files.Should().Contain(f => f.Path == $"pitr_id_maps/pitr_id_map.cluster_id:{ClusterIdOf(f.Path)}.restored_ts:{world.Points[segment]}",
                "BR's segmented state of segment {0} was synced to the ledger", segment);
        }

        File.ReadAllText(world.ArgvLog).Should().Contain($"{lastFlag}=true").And.Contain($"{lastFlag}=false");
    }

    [Fact]
    public async Task Table_mode_neither_hydrates_nor_syncs_and_still_reports_the_result()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var args = world.SegmentArgs(0, dir);
        args.RemoveRange(args.IndexOf("--checkpoint-storage"), 2);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, args, extra: [("SEGRESTORE_CHECKPOINT_MODE", "Table")]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(0, "{0}\n{1}", worker.Stdout, worker.Stderr);
        (await reporter.SegmentAsync(0)).State.Should().Be(SegmentState.Succeeded);
        (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Generation.Should().Be(0, "BR keeps its state in the target's tables");
        worker.Stdout.Should().NotContain("Hydrated");
    }

    private static string ClusterIdOf(string path)
    {
        const string marker = "cluster_id:";
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? string.Empty : path[(start + marker.Length)..path.IndexOf(".restored_ts", StringComparison.Ordinal)];
    }
}
