using SegRestore.Br.Errors;
using SegRestore.Br.Output;
using SegRestore.Worker.Running;

namespace SegRestore.Worker.Tests.Unit;

public sealed class LogWindowCheckTests
{
    [Theory]
    [InlineData(null, 150UL, false)]
    [InlineData(null, 200UL, false)]
    [InlineData(null, 201UL, true)]
    [InlineData(null, 99UL, true)]
    [InlineData(100UL, 150UL, false)]
    [InlineData(99UL, 150UL, true)]
    [InlineData(120UL, 250UL, true)]
    public void The_range_must_lie_inside_the_log_window(ulong? startTs, ulong restoredTs, bool outside)
    {
        var argv = new List<string> { "restore", "point", "--restored-ts", restoredTs.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (startTs is { } s)
        {
            argv.AddRange(["--start-ts", s.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var failure = LogWindowCheck.Check(new LogWindow(100, 200), argv);
        if (outside)
        {
            failure!.Reason.Should().Be(BrFailureReason.RangeOutsideLog);
            failure.Permanent.Should().BeTrue();
        }
        else
        {
            failure.Should().BeNull();
        }
    }

    [Fact]
    public void The_window_is_read_from_brs_log_metadata_line()
    {
        var parser = new BrOutputParser();
        var events = parser.Push("[2026/01/22 00:39:25.123 +00:00] [INFO] [collector.go:77] [\"log metadata\"] [log-min-ts=100] [log-min-date=\"x\"] [log-max-ts=200] [log-max-date=\"y\"]\n");
        LogWindowCheck.Parse(events).Should().Be(new LogWindow(100, 200));
    }

    [Fact]
    public void Output_without_the_metadata_line_gives_no_window()
    {
        var parser = new BrOutputParser();
        LogWindowCheck.Parse(parser.Push("[2026/01/22 00:39:25.123 +00:00] [INFO] [x.go:1] [\"other\"] [log-min-ts=1]\n")).Should().BeNull();
    }
}
