using System.Text;
using System.Text.Json;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

public sealed class OutageTests
{
    /// <summary>The scenario at its real length: the reporter is down for 30 s while BR finishes.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Operator_unreachable_for_30_seconds_then_back_gets_the_result_exactly_once()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir),
            extra: [("BRSIM_KV_PER_SEC", "40"), ("SEGRESTORE_RESULT_DEADLINE_SECONDS", "180"), ("SEGRESTORE_RETRY_MAX_BACKOFF_MS", "2000")]);
        using var worker = WorkerProcess.Start(env);
        await worker.WaitForOutputAsync("start point in time restore", TimeSpan.FromMinutes(2));

        await reporter.StopHostAsync();
        var downSince = DateTime.UtcNow;
        await worker.WaitForOutputAsync("BR exited with 0", TimeSpan.FromMinutes(2));
        await worker.WaitForOutputAsync("retrying", TimeSpan.FromMinutes(1));
        var remaining = Outage - (DateTime.UtcNow - downSince);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining); // the outage itself is the scenario, not synchronisation
        }

        (await reporter.SegmentAsync(0)).State.Should().Be(SegmentState.Running, "nothing could be delivered during the outage");
        await reporter.StartHostAsync();

        (await worker.WaitAsync()).Should().Be(0, "{0}\n{1}", worker.Stdout, worker.Stderr);
        var record = await reporter.SegmentAsync(0);
        record.State.Should().Be(SegmentState.Succeeded);
        record.Attempts.Should().ContainSingle().Which.Outcome.Should().Be(AttemptOutcome.Succeeded);
        reporter.Activity.Get(TestReporter.SegmentUid(0), 1)!.ResultsRecorded.Should().Be(1, "the result is delivered once");
        (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Files.Should().NotBeEmpty("the final sync also got through");
        File.Exists(env["SEGRESTORE_TERMINATION_LOG"]).Should().BeFalse();
    }

    [Fact]
    public async Task Operator_gone_past_the_deadline_leaves_the_result_in_the_termination_message()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir),
            extra: [("BRSIM_KV_PER_SEC", "40"), ("SEGRESTORE_RESULT_DEADLINE_SECONDS", "3")]);
        using var worker = WorkerProcess.Start(env);
        await worker.WaitForOutputAsync("start point in time restore", TimeSpan.FromMinutes(2));
        await reporter.StopHostAsync();

        (await worker.WaitAsync()).Should().Be(0, "the exit code is BR's even when the report failed.\n{0}", worker.Stdout);
        var message = File.ReadAllText(env["SEGRESTORE_TERMINATION_LOG"]);
        Encoding.UTF8.GetByteCount(message).Should().BeLessThanOrEqualTo(4096);
        using var json = JsonDocument.Parse(message);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("segmentUid").GetString().Should().Be(TestReporter.SegmentUid(0));
        json.RootElement.GetProperty("restoredTs").GetString().Should().Be(TestWorld.Ts(world.Points[0]));
    }
}
