using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class TimestampArgumentTests
{
    [Theory]
    [InlineData("463732846559232002", 463732846559232002UL, null)]
    [InlineData("2018-05-11 01:42:23+0800", 400024965742592000UL, null)]
    [InlineData("2018-05-10 17:42:23Z", 400024965742592000UL, null)]
    [InlineData("2018-05-11 01:42:23+08:00", 400024965742592000UL, null)]
    [InlineData("2018-05-11 01:42:23", 0UL, TimestampArgument.TimezoneRequired)]
    [InlineData("yesterday", 0UL, "[types:1292]Incorrect time value: 'yesterday'")]
    public void Reads_tso_or_zoned_datetime_like_br(string text, ulong tso, string? error)
    {
        var (parsed, parseError) = TimestampArgument.Parse(text);
        parseError.Should().Be(error);
        parsed.Should().Be(tso);
    }

    [Fact]
    public void Tso_is_unix_milliseconds_shifted_by_18_bits()
    {
        var tso = Tso.Compose(1_769_000_000_123, 3);
        Tso.PhysicalMilliseconds(tso).Should().Be(1_769_000_000_123);
        (tso & 0x3FFFF).Should().Be(3);
        Tso.FormatDate(tso).Should().Be("2026-01-21 12:53:20.123 +0000");
        Tso.FormatDate(Tso.Compose(1_769_000_000_000, 0)).Should().Be("2026-01-21 12:53:20 +0000");
    }
}
