
using SegRestore.Br.Output;
using SegRestore.BrSim.Logging;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class BrLogTests
{
    [Theory]
    [InlineData("plain", false)]
    [InlineData("12.50%", false)]
    [InlineData("", true)]
    [InlineData("two words", true)]
    [InlineData("a=b", true)]
    [InlineData("say \"hi\"", true)]
    [InlineData("[x]", true)]
    public void Quotes_values_as_pingcap_log_does(string value, bool quoted) => BrLog.NeedsQuotes(value).Should().Be(quoted);

    [Fact]
    public void Writes_lines_that_the_br_parser_reads_back_field_by_field()
    {
        using var output = new StringWriter();
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 22, 0, 39, 25, 123, TimeSpan.Zero));
        new BrLog(output, null, clock).Info("stream.go:1234", "restore log success summary",
            LogField.Of("total-kv-count", 42L), LogField.Of("average-speed (log)", "1.2kB/s"), LogField.Of("error", "a \"quoted\" \\ text\nnext"));
        var line = output.ToString().TrimEnd('\n');
        line.Should().StartWith("[2026/01/22 00:39:25.123 +00:00] [INFO] [stream.go:1234] [\"restore log success summary\"] [total-kv-count=42]");
        PingcapLogParser.TryParse(line, out var record).Should().Be(LogParseStatus.Record);
        record!.Field("total-kv-count").Should().Be("42");
        record.Field("average-speed (log)").Should().Be("1.2kB/s");
        record.Field("error").Should().Be("a \"quoted\" \\ text\nnext");
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(12, "12B")]
    [InlineData(1234, "1.234kB")]
    [InlineData(2_868_000, "2.868MB")]
    public void Human_size_matches_go_units(double bytes, string text) => GoFormat.HumanSize(bytes).Should().Be(text);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.0305, "30.5ms")]
    [InlineData(1.5, "1.5s")]
    [InlineData(75, "1m15s")]
    [InlineData(3725, "1h2m5s")]
    public void Durations_match_go(double seconds, string text) => GoFormat.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(text);
}
