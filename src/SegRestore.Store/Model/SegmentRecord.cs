namespace SegRestore.Store.Model;

/// <summary>A segment as the ledger keeps it.</summary>
public sealed record SegmentRecord(
    SegmentStart Start,
    SegmentState State,
    IReadOnlyList<AttemptRecord> Attempts,
    ulong? RestoredTs,
    BrSummary? Summary,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt)
{
    public string Uid => Start.Uid;

    public int Index => Start.Index;
}
