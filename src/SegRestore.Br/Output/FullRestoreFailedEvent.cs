namespace SegRestore.Br.Output;

/// <summary>
/// `Full Restore failed summary` (BR's summary collector when the snapshot phase fails): the range counts and, for
/// each failed unit that was not cancelled, a `unit-name` and `error` pair; the first pair is kept.
/// </summary>
public sealed record FullRestoreFailedEvent(string Raw, BrLogRecord? Record) : BrEvent(Raw, Record)
{
    public long? TotalRanges { get; init; }

    public long? RangesSucceed { get; init; }

    public long? RangesFailed { get; init; }

    public string? UnitName { get; init; }

    public string? Error { get; init; }
}
