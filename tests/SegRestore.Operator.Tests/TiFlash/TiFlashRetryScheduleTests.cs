using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>The back-off between retryable TiFlash restore attempts, and when it ends.</summary>
public sealed class TiFlashRetryScheduleTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 80)]
    [InlineData(6, 120)]
    [InlineData(7, 120)]
    [InlineData(50, 120)]
    [InlineData(int.MaxValue, 120)]
    public void Delays_start_at_5s_double_and_stop_at_2min(int attempt, int seconds) =>
        TiFlashRetrySchedule.NextDelay(attempt).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Attempts_are_counted_from_one(int attempt) =>
        FluentActions.Invoking(() => TiFlashRetrySchedule.NextDelay(attempt)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(0, false)]
    [InlineData(60, false)]
    [InlineData(899, false)]
    [InlineData(900, true)]
    [InlineData(901, true)]
    [InlineData(3600, true)]
    [InlineData(-5, false)]
    public void The_deadline_is_15min_after_the_first_attempt(int secondsSinceStart, bool giveUp)
    {
        var start = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        TiFlashRetrySchedule.ShouldGiveUp(start, start.AddSeconds(secondsSinceStart)).Should().Be(giveUp);
    }

    [Fact]
    public void Attempts_on_the_schedule_fit_in_the_deadline_twelve_times()
    {
        var elapsed = TimeSpan.Zero;
        var attempts = 1;
        while (!TiFlashRetrySchedule.ShouldGiveUp(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch + elapsed + TiFlashRetrySchedule.NextDelay(attempts)))
        {
            elapsed += TiFlashRetrySchedule.NextDelay(attempts);
            attempts++;
        }

        attempts.Should().Be(12, "attempts at 0, 5, 15, 35, 75 and 155 s, then every 2 min up to 875 s");
    }
}
