namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Pure: when a change-driven checkpoint sync is due. A burst of writes (BR writes a checkpoint as several files) is one
/// generation: the sync waits until the directory was quiet for <see cref="Quiet"/>, but never longer than
/// <see cref="MaxDelay"/> after the first unsynced change, so a steady stream of writes still reaches the ledger.
/// A watcher error (overflow, lost events) asks for a scan at once.
/// </summary>
public sealed record SyncDebounce(TimeSpan Quiet, TimeSpan MaxDelay)
{
    public static SyncDebounce Default { get; } = new(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(250));

    /// <summary>How long to wait before syncing the pending changes; zero when the sync is due now.</summary>
    public TimeSpan DueIn(PendingChanges pending, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.ScanNow)
        {
            return TimeSpan.Zero;
        }

        var due = Min(pending.LastChange + Quiet, pending.FirstChange + MaxDelay);
        return due <= now ? TimeSpan.Zero : due - now;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
