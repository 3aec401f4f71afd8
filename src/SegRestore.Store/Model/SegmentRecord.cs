namespace SegRestore.Store.Model;

/// <summary>A segment as the ledger keeps it; <paramref name="Replaced"/> lists, oldest first, the segments it took
/// the place of at its index (null or empty when none).</summary>
public sealed record SegmentRecord(
    SegmentStart Start,
    SegmentState State,
    IReadOnlyList<AttemptRecord> Attempts,
    ulong? RestoredTs,
    BrSummary? Summary,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<ReplacedSegment>? Replaced = null)
{
    public string Uid => Start.Uid;

    public int Index => Start.Index;
}
