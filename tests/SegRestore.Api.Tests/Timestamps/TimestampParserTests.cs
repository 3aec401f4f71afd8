using FsCheck;
using FsCheck.Fluent;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Tests.Timestamps;

public class TimestampParserTests
{
    // 2026-01-21T16:39:25Z = 1769013565000 ms since the epoch.
    private const long Ms20260121T163925Z = 1769013565000;

    public static TheoryData<string, ulong> Accepted => new()
    {
        { "0", 0 },
        { "00000000000000000000", 0 },
        { "1", 1 },
        { "262143", 262143 },
        { "463736294698909699", 463736294698909699 },
        { "18446744073709551615", ulong.MaxValue },
        { "1970-01-01T00:00:00Z", 0 },
        { "1970-01-01 00:00:00+0000", 0 },
        { "1970-01-01T08:00:00+08:00", 0 },
        { "2026-01-21T16:39:25Z", Ms(Ms20260121T163925Z) },
        { "2026-01-21t16:39:25z", Ms(Ms20260121T163925Z) },
        { "2026-01-22T00:39:25+08:00", Ms(Ms20260121T163925Z) },
        { "2026-01-22 00:39:25+0800", Ms(Ms20260121T163925Z) },
        { "2026-01-22 00:39:25+08:00", Ms(Ms20260121T163925Z) },
        { "2026-01-21 22:24:25+0545", Ms(Ms20260121T163925Z) },
        { "2026-01-21T22:24:25+05:45", Ms(Ms20260121T163925Z) },
        { "2026-01-21 13:09:25-0330", Ms(Ms20260121T163925Z) },
        { "2026-01-21T13:09:25-03:30", Ms(Ms20260121T163925Z) },
        { "2026-01-21T16:39:25.5Z", Ms(Ms20260121T163925Z + 500) },
        { "2026-01-21T16:39:25.123Z", Ms(Ms20260121T163925Z + 123) },
        { "2026-01-22 00:39:25.123456+0800", Ms(Ms20260121T163925Z + 123) },
        { "2026-01-21T16:39:25.999999999Z", Ms(Ms20260121T163925Z + 999) },
        { "2026-01-21T16:39:25.0009Z", Ms(Ms20260121T163925Z) },
        // US DST start (2026-03-08): 02:30 does not exist in New York's local time, but with an offset it is exact.
        { "2026-03-08 02:30:00-0500", Ms(1772955000000) },
        { "2026-03-08T07:30:00Z", Ms(1772955000000) },
        // US DST end (2026-11-01): 01:30 happens twice; the offset picks one.
        { "2026-11-01 01:30:00-0400", Ms(1793511000000) },
        { "2026-11-01 01:30:00-0500", Ms(1793514600000) },
        { "2024-02-29T12:00:00Z", Ms(1709208000000) },
        { "2026-12-31T23:59:59-23:59", Ms(1798847939000) },
        { "4199-11-24T01:22:57.663Z", Ms(Tso.MaxPhysicalMilliseconds) },
    };

    public static TheoryData<string?, string> Rejected => new()
    {
        { null, "is empty" },
        { "", "is empty" },
        { "18446744073709551616", "larger than the largest TSO" },
        { "99999999999999999999999", "larger than the largest TSO" },
        { "-1", "neither a TSO nor a timestamp" },
        { "+5", "neither a TSO nor a timestamp" },
        { " 5", "neither a TSO nor a timestamp" },
        { "12ab", "neither a TSO nor a timestamp" },
        { "yesterday", "neither a TSO nor a timestamp" },
        { "2026-01-22 00:39:25", "has no time zone" },
        { "2026-01-22T00:39:25", "has no time zone" },
        { "2026-01-22T00:39:25.123", "has no time zone" },
        { "2026-01-22", "has no time zone" },
        { "2026-01-22 00:39:25 +0800", "neither a TSO nor a timestamp" },
        { "2026-01-22 00:39:25+08", "neither a TSO nor a timestamp" },
        { "2026-01-22 00:39:25 CST", "neither a TSO nor a timestamp" },
        { "2026-02-29T00:00:00Z", "not a valid calendar date" },
        { "2026-13-01T00:00:00Z", "not a valid calendar date" },
        { "2026-01-01T24:00:00Z", "not a valid calendar date" },
        { "2026-01-01T23:60:00Z", "not a valid calendar date" },
        { "2016-12-31T23:59:60Z", "not a valid calendar date" },
        { "2026-01-01T00:00:00+24:00", "not a valid calendar date" },
        { "0000-01-01T00:00:00Z", "not a valid calendar date" },
        { "1969-12-31T23:59:59.999Z", "out of range" },
        { "1970-01-01T00:00:00+00:01", "out of range" },
        { "4199-11-24T01:22:57.664Z", "out of range" },
        { "9999-12-31T23:59:59Z", "out of range" },
        { "0001-01-01T00:00:00+01:00", "not a valid calendar date" },
        { "9999-12-31T23:59:59-01:00", "not a valid calendar date" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_forms_parse_to_the_exact_tso(string text, ulong expected)
    {
        var ok = TimestampParser.TryParse(text, "spec.restoredTs", out var tso, out var error);

        ok.Should().BeTrue(error);
        tso.Value.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_values_name_the_field_the_value_and_the_accepted_forms(string? text, string expectedFragment)
    {
        var ok = TimestampParser.TryParse(text, "spec.restoredTs", out _, out var error);

        ok.Should().BeFalse();
        error.Should().StartWith("spec.restoredTs").And.Contain(expectedFragment);
        if (!string.IsNullOrEmpty(text))
        {
            error.Should().Contain($"\"{text}\"");
        }

        if (expectedFragment is "has no time zone" or "neither a TSO nor a timestamp" or "is empty")
        {
            error.Should().Contain("RFC 3339").And.Contain("+0800").And.Contain("TSO");
        }
    }

    [Fact]
    public void A_zone_less_time_suggests_the_value_with_a_zone()
    {
        TimestampParser.TryParse("2026-01-22 00:39:25", "spec.startTs", out _, out var error);

        error.Should().Contain("\"2026-01-22 00:39:25Z\"").And.Contain("\"2026-01-22 00:39:25+08:00\"");
    }

    [Fact]
    public void A_very_long_value_is_shortened_in_the_message()
    {
        var text = new string('x', 10_000);

        TimestampParser.TryParse(text, "spec.startTs", out _, out var error);

        error.Length.Should().BeLessThan(600);
    }

    [Fact]
    public void Parsing_arbitrary_strings_never_throws()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var ok = TimestampParser.TryParse(text, "spec.restoredTs", out _, out var error);
            return ok || error.Length > 0;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void Parsing_datetime_shaped_strings_never_throws()
    {
        var digits = Gen.Elements("0", "1", "2", "9", "00", "12", "23", "29", "30", "31", "59", "60", "99", "9999", "0000");
        var zones = Gen.Elements("Z", "+0000", "-2359", "+99:99", "+24:00", "", "+0545", "-03:30");
        var generator =
            from year in Gen.Elements("0000", "0001", "1969", "1970", "2026", "4199", "4200", "9999")
            from month in digits
            from day in digits
            from hour in digits
            from minute in digits
            from second in digits
            from zone in zones
            select $"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}";

        var property = Prop.ForAll(generator.ToArbitrary(), text =>
        {
            var ok = TimestampParser.TryParse(text, "spec.restoredTs", out _, out var error);
            return ok || error.Length > 0;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    private static ulong Ms(long milliseconds) => Tso.FromParts(milliseconds, 0).Value;
}
