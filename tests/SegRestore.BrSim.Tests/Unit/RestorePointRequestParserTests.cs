using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Restore;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class RestorePointRequestParserTests
{
    private const ulong LogMax = 1000;

    public static TheoryData<BrDialect, string[], ulong, bool> LastSegmentCases => new()
    {
        { BrDialect.LastSegment, [], 500, true },
        { BrDialect.LastSegment, ["--last-segment=false"], 500, false },
        { BrDialect.LastSegment, ["--last-segment"], 500, true },
        { BrDialect.Last, [], 500, false },
        { BrDialect.Last, [], LogMax, true },
        { BrDialect.Last, ["--last=true"], 500, true },
        { BrDialect.Last, ["--last=false"], LogMax, false },
        { BrDialect.None, [], 500, true },
    };

    [Theory]
    [MemberData(nameof(LastSegmentCases))]
    public void Decides_the_last_segment_per_dialect(BrDialect dialect, string[] extra, ulong restoredTs, bool expected)
    {
        string[] args = ["-s", "local:///log", "--start-ts", "1", "--restored-ts", restoredTs.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra];
        var request = RestorePointRequestParser.Parse(FlagParser.Parse(args, RestorePointFlags.All(dialect)), dialect);
        RestorePointRequestParser.IsLastSegment(request, restoredTs, LogMax).Should().Be(expected);
    }

    [Fact]
    public void Start_ts_and_full_backup_storage_are_mutually_exclusive()
    {
        var flags = FlagParser.Parse(["-s", "local:///log", "--start-ts", "1", "--full-backup-storage", "local:///full"],
            RestorePointFlags.All(BrDialect.LastSegment));
        var act = () => RestorePointRequestParser.Parse(flags, BrDialect.LastSegment);
        act.Should().Throw<BrErrorException>().WithMessage("start-ts and full-backup-storage are mutually exclusive*");
    }

    [Theory]
    [InlineData(10UL, 20UL, 10UL, 30UL, false)]
    [InlineData(10UL, 30UL, 10UL, 30UL, false)]
    [InlineData(9UL, 20UL, 10UL, 30UL, true)]
    [InlineData(10UL, 31UL, 10UL, 30UL, true)]
    [InlineData(20UL, 10UL, 10UL, 30UL, true)]
    public void Checks_the_range_against_the_log_window(ulong from, ulong to, ulong min, ulong max, bool outside)
    {
        var error = RestorePointRequestParser.CheckLogRange(from, to, min, max);
        (error is not null).Should().Be(outside);
        if (outside)
        {
            error.Should().StartWith($"restore log from {from}(").And.Contain(",  but the current existed log from ");
        }
    }

    public static TheoryData<string[], bool> FilterCases => new()
    {
        { [], false },
        { ["app.*"], false },
        { ["*.*", "!mysql.*", "!sys.*"], false },
        { ["mysql.*"], true },
        { ["sys.*"], true },
        { ["*.*"], true },
        { ["*.*", "!mysql.user"], true },
        { ["*.*", "!mysql.*"], true },
        { ["MySQL.stats_meta"], true },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void A_filter_that_includes_mysql_or_sys_is_refused(string[] filters, bool refused)
    {
        var act = () => RestorePointRequestParser.CheckFilters(filters);
        if (refused)
        {
            act.Should().Throw<BrErrorException>().WithMessage("PiTR doesn't support custom filter to include system db*");
        }
        else
        {
            act.Should().NotThrow();
        }
    }

    /// <summary>BR's V1 guard: a non-final segment with --use-checkpoint=false; V2 and V1's last segment have none.</summary>
    public static TheoryData<BrDialect, string[], bool, bool> CheckpointRequiredCases => new()
    {
        { BrDialect.Last, ["--last=false", "--use-checkpoint=false"], false, true },
        { BrDialect.Last, ["--last=false", "--use-checkpoint=false", "--checkpoint-storage", "local:///cp"], false, true },
        { BrDialect.Last, ["--last=false"], false, false },
        { BrDialect.Last, ["--last=false", "--checkpoint-storage", "local:///cp"], false, false },
        { BrDialect.Last, ["--last=true", "--use-checkpoint=false"], true, false },
        { BrDialect.LastSegment, ["--last-segment=false", "--use-checkpoint=false"], false, false },
        { BrDialect.LastSegment, ["--last-segment=false"], false, false },
        { BrDialect.None, ["--use-checkpoint=false"], true, false },
    };

    [Theory]
    [MemberData(nameof(CheckpointRequiredCases))]
    public void Only_v1_refuses_a_non_final_segment_without_checkpointing(BrDialect dialect, string[] extra, bool isLast, bool refused)
    {
        string[] args = ["-s", "local:///log", "--start-ts", "1", "--restored-ts", "5", .. extra];
        var request = RestorePointRequestParser.Parse(FlagParser.Parse(args, RestorePointFlags.All(dialect)), dialect);
        var act = () => RestorePointRequestParser.CheckCheckpointForSegment(request, isLast);
        if (refused)
        {
            act.Should().Throw<BrErrorException>().WithMessage(
                "segmented log restore requires checkpoint storage (table or external), enable checkpoint or configure --checkpoint-storage: [BR:Common:ErrInvalidArgument]invalid argument");
        }
        else
        {
            act.Should().NotThrow();
        }
    }
}
