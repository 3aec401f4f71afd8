using SegRestore.Shared;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

public sealed class SigtermTests
{
    [Fact]
    public async Task Sigterm_is_forwarded_to_br_then_the_checkpoint_is_synced_and_the_exit_code_is_brs()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 3);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir),
            extra: [("BRSIM_HANG_AT", "log:50"), ("SEGRESTORE_SYNC_INTERVAL_SECONDS", "3600")]);
        using var worker = WorkerProcess.Start(env);
        await worker.WaitForOutputAsync("[step=\"Restore Files(SST + Log)\"]", TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(() => Directory.Exists(Path.Combine(dir, "checkpoints")) && Directory.EnumerateFiles(Path.Combine(dir, "checkpoints"), "*", SearchOption.AllDirectories).Any(), TimeSpan.FromMinutes(1));
        var before = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);

        PosixSignals.Send(worker.Pid, PosixSignals.Sigterm);
        var exit = await worker.WaitAsync();

        exit.Should().Be(1, "BR's own exit code after a cancelled context.\n{0}\n{1}", worker.Stdout, worker.Stderr);
        worker.Stdout.Should().Contain("context canceled", "BR received the SIGTERM");
        var after = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        before.Files.Should().BeEmpty("the periodic sync is off in this test");
        after.Files.Should().Contain(f => f.Path.StartsWith("checkpoints/", StringComparison.Ordinal), "the final sync ran after BR exited");
        var attempt = (await reporter.SegmentAsync(0)).Attempts.Single();
        attempt.Outcome.Should().Be(AttemptOutcome.Failed);
        attempt.Message.Should().Contain("context canceled");
    }
}
