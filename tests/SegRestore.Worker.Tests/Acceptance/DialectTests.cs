using SegRestore.Store.Model;
using SegRestore.Worker.Config;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>The operator writes <c>--last-segment=X</c> without knowing the BR image; the worker adapts it to the BR
/// it probed (the simulator impersonating each dialect).</summary>
public sealed class DialectTests
{
    [Fact]
    public async Task A_last_dialect_br_gets_last_for_the_operators_last_segment_flag()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        for (var segment = 0; segment < 2; segment++)
        {
            var checkpointDir = WorkerEnvBuilder.NewCheckpointDir(world, segment, 1);
            var args = world.SegmentArgs(segment, checkpointDir, "--last-segment");
            var env = WorkerEnvBuilder.For(reporter, world, segment, 1, reporter.Grant(segment, 1), checkpointDir, args, dialect: "last");
            using var worker = WorkerProcess.Start(env);

            (await worker.WaitAsync()).Should().Be(0, "segment {0}.\nstdout:\n{1}\nstderr:\n{2}", segment, worker.Stdout, worker.Stderr);
            (await reporter.SegmentAsync(segment)).State.Should().Be(SegmentState.Succeeded);
        }

        File.ReadAllText(world.ArgvLog).Should().Contain("--last=false").And.Contain("--last=true").And.NotContain("--last-segment");
    }

    [Fact]
    public async Task A_br_without_segment_flags_refuses_a_non_last_segment_before_restoring()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var checkpointDir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), checkpointDir, world.SegmentArgs(0, checkpointDir), dialect: "none");
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(1, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        var attempt = (await reporter.SegmentAsync(0)).Attempts.Should().ContainSingle().Subject;
        attempt.Outcome.Should().Be(AttemptOutcome.Failed);
        attempt.FailureReason.Should().Be(BrDialectAdapter.LacksSegmentedRestore);
        attempt.Message.Should().Contain("spec.br.image").And.Contain("--last-segment or --last");
        reporter.Activity.Get(TestReporter.SegmentUid(0), 1)!.ResultsRecorded.Should().Be(1);
        File.ReadAllText(world.ArgvLog).Should().NotContain("--restored-ts", "no restore may start: it would finalize the chain");
    }

    [Fact]
    public async Task A_br_without_segment_flags_restores_a_single_last_segment_without_the_flag()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 1);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var checkpointDir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var args = world.SegmentArgs(0, checkpointDir);
        args.Should().Contain("--last-segment=true");
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), checkpointDir, args, dialect: "none");
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(0, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        (await reporter.SegmentAsync(0)).State.Should().Be(SegmentState.Succeeded);
        File.ReadAllText(world.ArgvLog).Should().Contain("--restored-ts").And.NotContain("--last");
    }
}
