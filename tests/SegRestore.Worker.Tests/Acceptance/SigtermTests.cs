using SegRestore.Shared;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

public sealed class SigtermTests
{
    [Fact]
    public async Task Sigterm_is_forwarded_to_br_and_the_checkpoint_is_in_the_ledger_when_the_worker_exits_with_brs_code()
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

        PosixSignals.Send(worker.Pid, PosixSignals.Sigterm);
        var exit = await worker.WaitAsync();

        exit.Should().Be(1, "BR's own exit code after a cancelled context.\n{0}\n{1}", worker.Stdout, worker.Stderr);
        worker.Stdout.Should().Contain("context canceled", "BR received the SIGTERM");
        var after = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        // The periodic sync is off (an hour): the change-driven sync while BR ran, and the final sync after it exited,
        // bring BR's checkpoint to the ledger (ChangeDrivenSyncTests pins the first on its own).
        after.Files.Should().Contain(f => f.Path.StartsWith("checkpoints/", StringComparison.Ordinal), "BR's checkpoint reached the ledger");
        var attempt = (await reporter.SegmentAsync(0)).Attempts.Single();
        attempt.Outcome.Should().Be(AttemptOutcome.Failed);
        attempt.Message.Should().Contain("context canceled");
    }
}
