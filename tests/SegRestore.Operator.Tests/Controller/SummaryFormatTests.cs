using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class SummaryFormatTests
{
    [Theory]
    [InlineData(0UL, "0B")]
    [InlineData(999UL, "999B")]
    [InlineData(1000UL, "1kB")]
    [InlineData(1_234_567UL, "1.235MB")]
    [InlineData(12_000_000_000UL, "12GB")]
    public void Sizes_use_BRs_decimal_units(ulong bytes, string expected) => SummaryFormat.Size(bytes).Should().Be(expected);

    [Theory]
    [InlineData(0.85, "850ms")]
    [InlineData(2.5, "2.5s")]
    [InlineData(62.5, "1m2.5s")]
    [InlineData(3723, "1h2m3s")]
    public void Durations_use_gos_style(double seconds, string expected) =>
        SummaryFormat.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(expected);
}
