using SegRestore.Br.Errors;
using SegRestore.Br.Output;
using SegRestore.BrSim.Faults;
using SegRestore.Shared;

namespace SegRestore.BrSim.Tests;

/// <summary>Faults chosen by environment, and how BR recovers from them (resume from checkpoint, retry).</summary>
public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Kill_at_half_of_the_log_exits_137_and_an_identical_rerun_resumes(bool checkpointStorage)
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0, withCheckpointStorage: checkpointStorage);
        var killed = await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), args);
        world.World.LoadTarget(world.Pd)!.GcRatioThreshold.Should().Be("-1.0", "GC stays off while the segment is unfinished");
        killed.ExitCode.Should().Be(137);
        BrOutput.ParseAllKnown(killed.Stdout).OfType<LogRestoreSummaryEvent>().Should().BeEmpty();
        File.Exists(world.World.AuditLogPath).Should().BeFalse("a killed segment did not complete");

        var resumed = await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), args);
        resumed.ExitCode.Should().Be(0, resumed.Stdout);
        var events = BrOutput.ParseAllKnown(resumed.Stdout);
        events.OfType<SkippedDueToCheckpointEvent>().Should().ContainSingle();
        events.OfType<FullRestoreSummaryEvent>().Should().BeEmpty();
        events.OfType<LogRestoreSummaryEvent>().Single().SkippedKvCountByCheckpoint.Should().BeGreaterThan(0);
        File.ReadAllLines(world.World.AuditLogPath).Should().ContainSingle();
        world.World.LoadTarget(world.Pd)!.TableCheckpoint.Should().BeNull();
        world.World.LoadTarget(world.Pd)!.GcRatioThreshold.Should().Be("1.1", "GC is restored after the segment succeeds");
        Directory.Exists(Path.Combine(world.Directory, "checkpoint", "checkpoints")).Should().Be(
            checkpointStorage, "the storage keeps only the (empty) checkpoints/ prefix after success");
        if (checkpointStorage)
        {
            Directory.EnumerateFileSystemEntries(Path.Combine(world.Directory, "checkpoint", "checkpoints")).Should().BeEmpty();
        }

        for (var i = 1; i < world.Points.Count; i++)
        {
            (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(i, withCheckpointStorage: checkpointStorage))).ExitCode.Should().Be(0);
        }

        (await BrProcess.RunAsync(world.Env(), "brsim", "verify", "--world", world.Directory)).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task The_audit_line_says_how_much_a_run_wrote_and_a_rerun_over_a_complete_checkpoint_wrote_nothing()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0, withCheckpointStorage: true))).ExitCode.Should().Be(0);
        File.ReadAllLines(world.World.AuditLogPath).Single().Should().MatchRegex(@" applied=[1-9][0-9]*$", "segment 0 wrote the snapshot and the log files");

        // Killed after its last log file is checkpointed: the rerun finds every file done.
        var args = world.SegmentArgs(1, withCheckpointStorage: true);
        (await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:100")), args)).ExitCode.Should().Be(137);
        var rerun = await BrProcess.RunAsync(world.Env(), args);
        rerun.ExitCode.Should().Be(0, rerun.Stdout);
        File.ReadAllLines(world.World.AuditLogPath).Last().Should().EndWith(" applied=0");
    }

    [Fact]
    public async Task Kill_during_the_snapshot_restore_starts_it_over_on_the_rerun()
    {
        using var world = new SimWorldFixture();
        var env = world.Env(("BRSIM_KILL_AT", "full:50"));
        (await BrProcess.RunAsync(env, world.SegmentArgs(0))).ExitCode.Should().Be(137);
        var resumed = await BrProcess.RunAsync(env, world.SegmentArgs(0));
        resumed.ExitCode.Should().Be(0, resumed.Stdout);
        BrOutput.ParseAllKnown(resumed.Stdout).OfType<FullRestoreSummaryEvent>().Should().ContainSingle();
        var verify = await BrProcess.RunAsync(env, "brsim", "verify", "--world", world.Directory, "--at",
            world.Points[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        verify.Stdout.Should().NotContain("not in the upstream", "the interrupted snapshot leaves no duplicate tables");
    }

    [Fact]
    public async Task A_transient_error_fails_once_and_the_retry_succeeds()
    {
        using var world = new SimWorldFixture();
        var env = world.Env(("BRSIM_TRANSIENT_ERROR", "log:30:1"));
        var failed = await BrProcess.RunAsync(env, world.SegmentArgs(0));
        failed.ShouldFailWith(FaultInjector.TransientErrorText, BrFailureReason.BrError);
        BrOutput.ParseAllKnown(failed.Stdout).OfType<LogRestoreFailedEvent>().Should().ContainSingle();
        (await BrProcess.RunAsync(env, world.SegmentArgs(0))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task A_tiflash_reset_failure_only_warns_and_leaves_the_replicas_to_the_dba()
    {
        using var world = new SimWorldFixture();
        var env = world.Env(("BRSIM_TIFLASH_RESET_FAIL", "1"));
        BrProcess.Result last = null!;
        for (var i = 0; i < world.Points.Count; i++)
        {
            last = await BrProcess.RunAsync(env, world.SegmentArgs(i));
            last.ExitCode.Should().Be(0, last.Stdout);
        }

        var warnings = BrOutput.ParseAllKnown(last.Stdout).OfType<TiFlashResetWarningEvent>().ToList();
        warnings.Should().NotBeEmpty();
        warnings.Should().OnlyContain(w => w.Sql != null && w.Sql.StartsWith("ALTER TABLE `wl_tiflash`.", StringComparison.Ordinal));
        var verify = await BrProcess.RunAsync(env, "brsim", "verify", "--world", world.Directory);
        verify.ExitCode.Should().Be(1);
        verify.Stdout.Should().Contain("TiFlash: TiFlash_replica mismatch: got 0");
    }

    [Fact]
    public async Task Sigterm_while_hanging_exits_like_a_cancelled_br_and_the_rerun_resumes()
    {
        using var world = new SimWorldFixture();
        var args = world.SegmentArgs(0);
        using var process = BrProcess.Start(world.Env(("BRSIM_HANG_AT", "log:50")), args);
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            seen.Add(line);
            if (BrOutput.Parse(line).OfType<ProgressEvent>().Any(p => p.Step == "Restore Files(SST + Log)" && p.Percent >= 50))
            {
                break;
            }
        }

        PosixSignals.Send(process.Id, PosixSignals.Sigterm);

        var result = await BrProcess.WaitAsync(process);
        result.ShouldFailWith("context canceled", BrFailureReason.BrError);
        BrOutput.ParseAllKnown(result.Stdout).OfType<LogRestoreFailedEvent>().Should().ContainSingle();

        var resumed = await BrProcess.RunAsync(world.Env(("BRSIM_HANG_AT", "log:50")), args);
        resumed.ExitCode.Should().Be(0, resumed.Stdout);
        BrOutput.ParseAllKnown(resumed.Stdout).OfType<LogRestoreSummaryEvent>().Single().SkippedKvCountByCheckpoint.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_speed_limit_makes_the_log_phase_take_at_least_kvs_over_rate()
    {
        using var world = new SimWorldFixture();
        var result = await BrProcess.RunAsync(world.Env(("BRSIM_KV_PER_SEC", "100")), world.SegmentArgs(0));
        result.ExitCode.Should().Be(0);
        var progress = BrOutput.ParseAllKnown(result.Stdout).OfType<ProgressEvent>()
            .Last(p => p.Step == "Restore Files(SST + Log)");
        var kvs = progress.Total!.Value;
        var summary = BrOutput.Parse(result.Stdout).OfType<LogRestoreSummaryEvent>().Single();
        var took = GoDuration.TryParse(summary.TotalTake);
        took.Should().NotBeNull();
        took!.Value.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(kvs / 100.0 * 0.9));
    }
}
