using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Tests.Timestamps;

public class TsoTests
{
    [Theory]
    [InlineData(0UL, 0L, 0)]
    [InlineData(262143UL, 0L, 262143)]
    [InlineData(262144UL, 1L, 0)]
    [InlineData(463736294698909699UL, 1769013575359L, 3)]
    [InlineData(ulong.MaxValue, (1L << 46) - 1, 262143)]
    public void Parts_split_physical_milliseconds_and_logical(ulong value, long physical, int logical)
    {
        var tso = new Tso(value);

        tso.PhysicalMilliseconds.Should().Be(physical);
        tso.Logical.Should().Be(logical);

        Tso.FromParts(tso.PhysicalMilliseconds, tso.Logical).Should().Be(tso);
    }

    [Fact]
    public void Time_round_trip_is_exact_to_the_millisecond()
    {
        var time = new DateTimeOffset(2026, 1, 22, 0, 39, 25, 123, TimeSpan.FromHours(8));

        Tso.TryFromTime(time, out var tso).Should().BeTrue();

        tso.Logical.Should().Be(0);
        tso.ToTime().Should().Be(time);
        tso.ToUtcDateTime().Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void Sub_millisecond_digits_are_truncated_like_BR()
    {
        var time = DateTimeOffset.UnixEpoch.AddTicks(19_999);

        Tso.TryFromTime(time, out var tso).Should().BeTrue();

        tso.PhysicalMilliseconds.Should().Be(1);
    }

    [Fact]
    public void The_largest_tso_converts_to_a_time_in_4199()
    {
        Tso.MaxValue.ToTime().Should().Be(new DateTimeOffset(4199, 11, 24, 1, 22, 57, 663, TimeSpan.Zero));
    }

    [Fact]
    public void Times_before_the_epoch_or_after_the_largest_tso_are_rejected()
    {
        Tso.TryFromTime(DateTimeOffset.UnixEpoch.AddTicks(-1), out _).Should().BeFalse();
        Tso.TryFromTime(Tso.MaxValue.ToTime().AddMilliseconds(1), out _).Should().BeFalse();
        Tso.TryFromTime(DateTimeOffset.MaxValue, out _).Should().BeFalse();
    }

    [Fact]
    public void Out_of_range_parts_are_programming_errors()
    {
        var negative = () => Tso.FromParts(-1, 0);
        var logical = () => Tso.FromParts(0, 1 << 18);

        negative.Should().Throw<ArgumentOutOfRangeException>();
        logical.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Order_follows_the_numeric_value()
    {
        (new Tso(1) < new Tso(2)).Should().BeTrue();
        (new Tso(2) <= new Tso(2)).Should().BeTrue();
        new Tso(463736294698909699).ToString().Should().Be("463736294698909699");
    }
}
