namespace SegRestore.Store;

/// <summary>The ledger's notion of now: UTC, truncated to whole milliseconds, so a record returned by a write equals
/// the same record read back from any backend (PostgreSQL keeps microseconds, SQLite and JSON keep ticks).</summary>
internal static class LedgerClock
{
    public static DateTimeOffset LedgerNow(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
