namespace SegRestore.Br.Output;

/// <summary>`Full Restore success summary` (first segment only): the snapshot phase's numbers.</summary>
public sealed record FullRestoreSummaryEvent(string Raw, BrLogRecord? Record) : BrEvent(Raw, Record)
{
    public long? TotalRanges { get; init; }

    public long? RangesSucceed { get; init; }

    public long? RangesFailed { get; init; }

    public string? TotalTake { get; init; }

    public TimeSpan? TotalTakeDuration => GoDuration.TryParse(TotalTake);

    public ulong? BackupTs { get; init; }

    public long? TotalKv { get; init; }

    public string? TotalKvSize { get; init; }

    public string? AverageSpeed { get; init; }

    public string? RestoreDataSize { get; init; }
}
