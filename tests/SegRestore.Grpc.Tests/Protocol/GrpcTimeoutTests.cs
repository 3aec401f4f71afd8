using FsCheck;
using FsCheck.Fluent;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<TimeSpan, string> Encodings => new()
    {
        { TimeSpan.FromTicks(1), "100n" },
        { TimeSpan.FromMilliseconds(1), "1000000n" },
        { TimeSpan.FromMilliseconds(99), "99000000n" },
        { TimeSpan.FromMilliseconds(100), "100000u" },
        { TimeSpan.FromSeconds(5), "5000000u" },
        { TimeSpan.FromMinutes(30), "1800000m" },
        { TimeSpan.FromDays(2), "172800S" },
        { TimeSpan.FromDays(5000), "7200000M" },
        { TimeSpan.FromDays(3_000_000), "72000000H" },
        { TimeSpan.MaxValue, "99999999H" },
        { TimeSpan.Zero, "1n" },
        { TimeSpan.FromSeconds(-3), "1n" },
    };

    public static TheoryData<string, TimeSpan> Parses => new()
    {
        { "100m", TimeSpan.FromMilliseconds(100) },
        { "1H", TimeSpan.FromHours(1) },
        { "3M", TimeSpan.FromMinutes(3) },
        { "5S", TimeSpan.FromSeconds(5) },
        { "250u", TimeSpan.FromMicroseconds(250) },
        { "999n", TimeSpan.FromTicks(10) },
        { "99999999m", TimeSpan.FromMilliseconds(99_999_999) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encode_picks_the_finest_unit_that_fits_in_eight_digits(TimeSpan timeout, string expected) =>
        GrpcTimeout.Encode(timeout).Should().Be(expected);

    [Theory]
    [MemberData(nameof(Parses))]
    public void Parse_reads_every_unit(string header, TimeSpan expected)
    {
        GrpcTimeout.TryParse(header, out var timeout).Should().BeTrue();
        timeout.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("100")]
    [InlineData("123456789m")]
    [InlineData("10x")]
    [InlineData("-5m")]
    [InlineData("1.5S")]
    [InlineData(" 5S")]
    public void Parse_rejects_values_outside_the_grammar(string? header) =>
        GrpcTimeout.TryParse(header, out _).Should().BeFalse();

    [Fact]
    public void Encoded_timeout_never_shortens_the_deadline_and_stays_precise()
    {
        var property = Prop.ForAll(
            Gen.Choose(1, int.MaxValue).Select(t => TimeSpan.FromTicks(t * 1000L)).ToArbitrary(),
            timeout =>
            {
                GrpcTimeout.TryParse(GrpcTimeout.Encode(timeout), out var parsed).Should().BeTrue();
                // A coarser unit is chosen only when the finer one needs more than 8 digits, so the value in the chosen unit
                // is at least 100000 and rounding up adds at most 1/100000 of the timeout.
                return parsed >= timeout && parsed - timeout <= (timeout / 100_000) + TimeSpan.FromTicks(1);
            });

        Check.QuickThrowOnFailure(property);
    }
}
