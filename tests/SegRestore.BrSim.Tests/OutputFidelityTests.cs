using SegRestore.Br;
using SegRestore.Br.Output;

namespace SegRestore.BrSim.Tests;

/// <summary>
/// The simulator prints what BR prints and SegRestore.Br reads it (issue 20): the snapshot phase's failed summary,
/// the SST physical size, the repair's console bar on a terminal, V1's non-final segment lines, bare messages.
/// </summary>
public sealed class OutputFidelityTests
{
    [Fact]
    public async Task A_failed_snapshot_phase_prints_the_full_restore_failed_summary_with_its_error()
    {
        using var world = new SimWorldFixture();
        var result = await BrProcess.RunAsync(world.Env(("BRSIM_TRANSIENT_ERROR", "full:50")), world.SegmentArgs(0));

        result.ExitCode.Should().Be(1);
        var events = BrOutput.ParseAllKnown(result.Stdout);
        var failed = events.OfType<FullRestoreFailedEvent>().Should().ContainSingle().Subject;
        failed.RangesFailed.Should().Be(1);
        failed.RangesSucceed.Should().BeGreaterThan(0).And.BeLessThan(failed.TotalRanges!.Value);
        failed.UnitName.Should().NotBeNullOrEmpty();
        failed.Error.Should().Be(events.OfType<BrFailedEvent>().Single().Error);
        events.OfType<LogRestoreFailedEvent>().Should().BeEmpty("the log phase never started");
    }

    [Fact]
    public async Task The_success_summary_carries_the_sst_physical_size_and_bare_progress_messages()
    {
        using var world = new SimWorldFixture();
        var result = await BrProcess.RunAsync(world.Env(), world.SegmentArgs(0));

        result.ExitCode.Should().Be(0, result.Stdout);
        result.Stdout.Should().Contain("] [progress] [step=").And.Contain("[\"restore-sst-physical-size (after compression)\"=0]")
            .And.Contain("[\"average-speed (log)\"=");
        BrOutput.ParseAllKnown(result.Stdout).OfType<LogRestoreSummaryEvent>().Single().RestoreSstPhysicalSize.Should().Be(0);
    }

    [Fact]
    public async Task On_a_terminal_the_last_segment_draws_the_repair_as_a_console_bar_instead_of_progress_lines()
    {
        using var world = new SimWorldFixture();
        var env = world.Env(("BRSIM_STDOUT_TTY", "1"));
        for (var i = 0; i < world.Points.Count; i++)
        {
            var result = await BrProcess.RunAsync(env, world.SegmentArgs(i));
            result.ExitCode.Should().Be(0, result.Stdout);
            if (i < world.Points.Count - 1)
            {
                continue;
            }

            var repairs = BrOutput.ParseAllKnown(result.Stdout).OfType<IngestRepairProgressEvent>().ToList();
            repairs.Should().NotBeEmpty().And.OnlyContain(r => r.Source == ProgressSource.ConsoleBar);
            repairs.GroupBy(r => r.Step).Should().OnlyContain(g => g.Last().BarState == ConsoleBarState.Done && g.Last().Percent == 100);
            result.Stdout.Should().Contain("\u001b[1A\u001b[J" + BrMessages.IngestRepairStepPrefix);
        }
    }

    [Fact]
    public async Task Without_a_terminal_the_repair_is_logged_as_progress_lines()
    {
        using var world = new SimWorldFixture();
        BrProcess.Result last = null!;
        for (var i = 0; i < world.Points.Count; i++)
        {
            last = await BrProcess.RunAsync(world.Env(), world.SegmentArgs(i));
            last.ExitCode.Should().Be(0, last.Stdout);
        }

        BrOutput.ParseAllKnown(last.Stdout).OfType<IngestRepairProgressEvent>().Should().NotBeEmpty()
            .And.OnlyContain(r => r.Source == ProgressSource.Log && r.BarState == null);
    }

    [Fact]
    public async Task V1_with_last_omitted_below_the_log_max_logs_why_the_segment_is_not_final_and_what_waits()
    {
        using var world = new SimWorldFixture();
        var logFile = Path.Combine(world.Directory, "br-0.log");
        var result = await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", "last")), [.. world.SegmentArgs(0, lastFlag: ""), "--log-file", logFile]);

        result.ExitCode.Should().Be(0, result.Stdout);
        var notices = BrOutput.Parse(File.ReadAllText(logFile)).OfType<NonFinalSegmentEvent>().ToList();
        notices.Select(n => n.Notice).Should().Equal(
            NonFinalSegmentNotice.TreatedAsNonFinal, NonFinalSegmentNotice.IngestRepairSkipped, NonFinalSegmentNotice.TiFlashResetSkipped);
        notices.Should().OnlyContain(n => n.RestoreTs == world.Points[0]);
        notices[0].LogMaxTs.Should().Be(world.Manifest.LogMaxTs);
    }

    [Theory]
    [InlineData("last", "last", false, 2)]
    [InlineData("last", "last", true, 0)]
    [InlineData("last-segment", "last-segment", false, 0)]
    public async Task Only_v1_prints_the_skip_lines_and_only_for_a_non_final_segment(string dialect, string flag, bool last, int expected)
    {
        using var world = new SimWorldFixture();
        var logFile = Path.Combine(world.Directory, "br-0.log");
        var result = await BrProcess.RunAsync(world.Env(("BRSIM_DIALECT", dialect)), [.. world.SegmentArgs(0, flag, last), "--log-file", logFile]);

        result.ExitCode.Should().Be(0, result.Stdout);
        BrOutput.Parse(File.ReadAllText(logFile)).OfType<NonFinalSegmentEvent>().Should().HaveCount(expected);
    }
}
