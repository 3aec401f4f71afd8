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
}
