namespace SegRestore.Store.Model;

/// <summary>Settings shared by every backend.</summary>
public sealed record LedgerOptions
{
    /// <summary>How long a finalized or abandoned chain's summary is kept.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How old an unreferenced blob must be before it is collected, so that an upload in progress is never
    /// collected under its writer. Must exceed the longest commit.</summary>
    public TimeSpan OrphanGrace { get; init; } = TimeSpan.FromHours(1);

    public static LedgerOptions Default { get; } = new();
}
