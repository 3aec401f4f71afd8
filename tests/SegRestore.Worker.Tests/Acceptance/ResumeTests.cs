using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

public sealed class ResumeTests
{
    [Fact]
    public async Task Br_killed_at_half_of_a_segment_resumes_from_the_synced_checkpoint_in_the_next_attempt()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 3);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);

        var firstDir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var first = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), firstDir, world.SegmentArgs(0, firstDir), extra: [("BRSIM_KILL_AT", "log:50")]);
        using (var worker = WorkerProcess.Start(first))
        {
            (await worker.WaitAsync()).Should().Be(137, "the worker exits with BR's code.\n{0}\n{1}", worker.Stdout, worker.Stderr);
        }

        var afterKill = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        afterKill.Files.Should().Contain(f => f.Path.StartsWith("checkpoints/", StringComparison.Ordinal), "BR's per-segment checkpoint was synced when BR died");

        // A new pod: an empty checkpoint directory, hydrated from the ledger before BR starts.
        var secondDir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 2);
        var second = WorkerEnvBuilder.For(reporter, world, 0, 2, reporter.Grant(0, 2), secondDir, world.SegmentArgs(0, secondDir));
        using (var worker = WorkerProcess.Start(second))
        {
            (await worker.WaitAsync()).Should().Be(0, "the retry resumes.\n{0}\n{1}", worker.Stdout, worker.Stderr);
            worker.Stdout.Should().Contain($"Hydrated {afterKill.Files.Count} checkpoint files");
        }

        var record = await reporter.SegmentAsync(0);
        record.State.Should().Be(SegmentState.Succeeded);
        record.Attempts.Select(a => a.Outcome).Should().Equal(AttemptOutcome.Failed, AttemptOutcome.Succeeded);
        record.Attempts[0].FailureReason.Should().Be("BrError");
        record.Summary!.SkippedKvCountByCheckpoint.Should().BeGreaterThan(0, "BR skipped what the killed attempt had restored");
    }
}
