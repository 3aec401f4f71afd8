using SegRestore.Br.Output;

namespace SegRestore.Br.Tests.Output;

public class PingcapLogParserTests
{
    [Fact]
    public void Header_message_and_fields_are_parsed()
    {
        const string line = "[2026/01/22 00:39:25.123 +08:00] [INFO] [stream.go:1234] [\"start point in time restore\"] [restore-from=1] [note=\"a b\"]";

        PingcapLogParser.TryParse(line, out var record).Should().Be(LogParseStatus.Record);

        record!.Time.Should().Be(new DateTimeOffset(2026, 1, 22, 0, 39, 25, 123, TimeSpan.FromHours(8)));
        record.Level.Should().Be("INFO");
        record.Source.Should().Be("stream.go:1234");
        record.Message.Should().Be("start point in time restore");
        record.Fields.Should().Equal(new KeyValuePair<string, string>("restore-from", "1"), new KeyValuePair<string, string>("note", "a b"));
    }

    public static TheoryData<string, string, string> Values => new()
    {
        { "[k=bare]", "k", "bare" },
        { "[k=\"quoted \\\"value\\\"\"]", "k", "quoted \"value\"" },
        { "[k=\"with ] bracket\"]", "k", "with ] bracket" },
        { "[k=\"tab\\tnl\\ncr\\rbs\\\\u\\u00e9\"]", "k", "tab\tnl\ncr\rbs\\u\u00e9" },
        { "[\"average-speed (log)\"=1.141MB/s]", "average-speed (log)", "1.141MB/s" },
        { "[k=[a,b,[c]]]", "k", "[a,b,[c]]" },
        { "[k={\"a\":[1,2]}]", "k", "{\"a\":[1,2]}" },
        { "[k=[\"x]y\",\"z\"]]", "k", "[\"x]y\",\"z\"]" },
        { "[k=]", "k", "" },
        { "[k=\"unknown \\q escape\"]", "k", "unknown \\q escape" },
        { "[k=\"\"]", "k", "" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Field_values_follow_zaps_quoting_rules(string field, string key, string value)
    {
        PingcapLogParser.TryParse("[2026/01/22 00:39:25.123 +08:00] [WARN] [a.go:1] [msg] " + field, out var record)
            .Should().Be(LogParseStatus.Record);

        record!.Field(key).Should().Be(value);
    }

    [Theory]
    [InlineData("[2026/01/22 00:39:25.123 +08:00] [ERROR] [main.go:38] [\"br failed\"] [error=\"first line")]
    [InlineData("[2026/01/22 00:39:25.123 +08:00] [ERROR] [main.go:38] [\"br failed\"] [error=[a,")]
    [InlineData("[2026/01/22 00:39:25.123 +08:00] [ERROR] [main.go:38] [\"br fai")]
    public void An_open_quote_or_bracket_means_the_record_continues(string text) =>
        PingcapLogParser.TryParse(text, out _).Should().Be(LogParseStatus.Incomplete);

    [Theory]
    [InlineData("Full Restore <----> 42.50%")]
    [InlineData("[not a time] [INFO] [a.go:1] [m]")]
    [InlineData("[2026/01/22 00:39:25.123 +08:00] [info] [a.go:1] [m]")]
    [InlineData("[2026/01/22 00:39:25.123 +08:00] [INFO] [a.go:1] [m] garbage")]
    [InlineData("")]
    public void Other_text_is_not_a_record(string text) =>
        PingcapLogParser.TryParse(text, out _).Should().Be(LogParseStatus.NotARecord);

    [Fact]
    public void Terminal_summaries_without_header_are_records()
    {
        PingcapLogParser.TryParse("*** [\"Full Restore success summary\"] ****** [total-ranges=3]", out var record).Should().Be(LogParseStatus.Record);

        record!.Time.Should().BeNull();
        record.Message.Should().Be("Full Restore success summary");
        record.Field("total-ranges").Should().Be("3");
    }
}
