namespace SegRestore.Operator.TiFlash;

/// <summary>
/// When the reconciler tries a retryable TiFlash restore again: 5 s after the first failed attempt, doubling, at most
/// 2 min apart, and not after 15 min from the first attempt (then the replicas are left for a DBA).
/// </summary>
public static class TiFlashRetrySchedule
{
    /// <summary>The wait after the first failed attempt.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(2);

    /// <summary>How long after the first attempt the restore stops being retried.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    /// <summary>The wait after failed attempt number <paramref name="attemptNumber"/> (1 for the first attempt).</summary>
    public static TimeSpan NextDelay(int attemptNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptNumber, 1);
        var doublings = Math.Min(attemptNumber - 1, 30);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>Whether the deadline has passed: the first attempt was at <paramref name="start"/> and it is now <paramref name="now"/>.</summary>
    public static bool ShouldGiveUp(DateTimeOffset start, DateTimeOffset now) => now - start >= Deadline;
}
