using SegRestore.Worker.Checkpoint;

namespace SegRestore.Worker.Tests.Unit;

public sealed class SyncDebounceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private static readonly SyncDebounce Debounce = new(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(250));

    public static TheoryData<string, int, int, bool, int, int> Cases() => new()
    {
        // name, first change (ms after T0), last change, scan now, now, expected wait (ms)
        { "one write: wait for the quiet period", 0, 0, false, 0, 40 },
        { "one write, quiet period half over", 0, 0, false, 25, 15 },
        { "one write, quiet period over: sync now", 0, 0, false, 40, 0 },
        { "a burst: the quiet period runs from the last write", 0, 30, false, 35, 35 },
        { "a burst that ended long ago: sync now", 0, 30, false, 500, 0 },
        { "a steady stream: the max delay from the first write caps the wait", 0, 240, false, 240, 10 },
        { "a steady stream past the max delay: sync now", 0, 260, false, 260, 0 },
        { "a lost-events error: scan at once", 0, 0, true, 0, 0 },
        { "a lost-events error within a burst: scan at once", 0, 30, true, 31, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_in(string name, int first, int last, bool scanNow, int now, int expectedMs)
    {
        var pending = new PendingChanges(T0.AddMilliseconds(first), T0.AddMilliseconds(last), scanNow);
        Debounce.DueIn(pending, T0.AddMilliseconds(now)).Should().Be(TimeSpan.FromMilliseconds(expectedMs), name);
    }

    [Fact]
    public void The_default_debounce_is_short_enough_that_a_burst_is_one_generation_and_a_write_is_not_held_back()
    {
        SyncDebounce.Default.Quiet.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(25)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(50));
        SyncDebounce.Default.MaxDelay.Should().BeGreaterThan(SyncDebounce.Default.Quiet).And.BeLessThan(TimeSpan.FromSeconds(1));
    }
}
