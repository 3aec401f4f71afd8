using SegRestore.Br.Errors;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>
/// SEGRESTORE_BR_KNOWN_CAPABILITIES: a later attempt of a chain with the same BR image skips the two probe runs. The
/// BR wrapper script logs every argv, so the test sees which BR commands ran.
/// </summary>
public sealed class CapabilityHintTests
{
    private const string Hint = "SEGRESTORE_BR_KNOWN_CAPABILITIES";

    [Fact]
    public async Task A_hinted_attempt_runs_br_without_the_probe_invocations()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);

        var probedDir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        using (var probing = WorkerProcess.Start(WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), probedDir, world.SegmentArgs(0, probedDir))))
        {
            (await probing.WaitAsync()).Should().Be(0, "stdout:\n{0}\nstderr:\n{1}", probing.Stdout, probing.Stderr);
        }

        var probedRun = File.ReadAllLines(world.ArgvLog);
        probedRun.Should().Contain("--version").And.Contain("--help", "without a hint the worker probes");
        File.Delete(world.ArgvLog);

        var hintedDir = WorkerEnvBuilder.NewCheckpointDir(world, 1, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 1, 1, reporter.Grant(1, 1), hintedDir, world.SegmentArgs(1, hintedDir),
            extra: [(Hint, "dialect=LastSegment;version=v9.1.0-hinted")]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(0, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        (await reporter.SegmentAsync(1)).State.Should().Be(SegmentState.Succeeded);
        var hintedRun = File.ReadAllLines(world.ArgvLog);
        hintedRun.Should().NotContain("--version").And.NotContain("--help", "the hint replaces both probe runs");
        hintedRun.Count(a => a == "metadata").Should().Be(1, "the log-window check still runs");
        hintedRun.Count(a => a == "restore").Should().Be(1, "BR restores once");
        hintedRun.Should().Contain("--last-segment=true");
        reporter.Activity.Get(TestReporter.SegmentUid(1), 1)!.BrDialect.Should().Be("LastSegment");
        worker.Stdout.Should().Contain("probe skipped").And.Contain("v9.1.0-hinted");
    }

    [Fact]
    public async Task A_wrong_hint_fails_the_attempt_with_brs_own_reason_and_restores_nothing()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        // The BR is V2 (--last-segment); the hint claims V1, so the worker hands BR a --last it does not have.
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir), dialect: "last-segment",
            extra: [(Hint, "dialect=Last;version=v7.5.1")]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().NotBe(0, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        var attempt = (await reporter.SegmentAsync(0)).Attempts.Should().ContainSingle().Subject;
        attempt.Outcome.Should().Be(AttemptOutcome.Failed);
        attempt.FailureReason.Should().NotBeNullOrEmpty();
        attempt.Message.Should().Contain("--last", "BR's refusal names the flag");
        reporter.Activity.Get(TestReporter.SegmentUid(0), 1)!.ResultsRecorded.Should().Be(1);
        File.Exists(Path.Combine(world.WorldDirectory, "audit.log")).Should().BeFalse("no range was restored");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dialect=LastSegment;version=v9.1.0")]
    public async Task A_br_that_cannot_start_reports_BrError_with_the_image_remedy_with_or_without_a_hint(string? hint)
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var extra = new List<(string, string)> { ("SEGRESTORE_BR_PATH", Path.Combine(temp.Path, "no-such-br")) };
        if (hint is not null)
        {
            extra.Add((Hint, hint));
        }

        // As the operator does before it creates the pod: a probe failure ends the attempt before it registers.
        await reporter.Ledger.RecordAttemptAsync(TestReporter.RootUid, TestReporter.SegmentUid(0), new SegmentAttempt(1, "worker-0-1"), CancellationToken.None);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir), extra: [.. extra]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(1, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        var attempt = (await reporter.SegmentAsync(0)).Attempts.Should().ContainSingle().Subject;
        attempt.Outcome.Should().Be(AttemptOutcome.Failed);
        attempt.FailureReason.Should().Be(nameof(BrFailureReason.BrError));
        attempt.Message.Should().Contain("spec.br.image").And.Contain("no-such-br");
    }
}
