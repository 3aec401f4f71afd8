namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Polls a condition with a generous deadline instead of sleeping a fixed time.</summary>
public static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var details = describe is null ? "" : "\n" + await describe();
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}{details}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<Task<string>>? describe = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, describe);

    /// <summary>
    /// A negative check ("nothing more happens"): polls for <paramref name="duration"/> and fails as soon as
    /// <paramref name="condition"/> stops holding. The duration is an observation window, not synchronisation.
    /// </summary>
    public static async Task StaysAsync(Func<Task<bool>> condition, TimeSpan duration, string what)
    {
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            if (!await condition())
            {
                throw new InvalidOperationException($"expected {what} to hold for {duration.TotalSeconds:0} s, but it stopped holding");
            }

            await Task.Delay(Interval);
        }
    }
}
