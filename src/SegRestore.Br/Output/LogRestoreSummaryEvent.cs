namespace SegRestore.Br.Output;

/// <summary>`restore log success summary`: BR's numbers for the log phase (and compacted SSTs).</summary>
public sealed record LogRestoreSummaryEvent(string Raw, BrLogRecord? Record) : BrEvent(Raw, Record)
{
    public string? TotalTake { get; init; }

    public TimeSpan? TotalTakeDuration => GoDuration.TryParse(TotalTake);

    public ulong? SourceStartPoint { get; init; }

    public ulong? SourceEndPoint { get; init; }

    public ulong? TargetEndPoint { get; init; }

    public string? SourceStart { get; init; }

    public string? SourceEnd { get; init; }

    public string? TargetEnd { get; init; }

    public long? TotalKvCount { get; init; }

    public long? SkippedKvCountByCheckpoint { get; init; }

    public string? TotalSize { get; init; }

    public long? TotalSizeBytes => HumanSize.TryParse(TotalSize);

    public string? SkippedSizeByCheckpoint { get; init; }

    public string? AverageSpeedLog { get; init; }

    public long? RestoreSstKvCount { get; init; }

    public string? RestoreSstKvSize { get; init; }

    /// <summary>`restore-sst-physical-size (after compression)`: bytes of the compacted SST files read (a plain number).</summary>
    public long? RestoreSstPhysicalSize { get; init; }

    public string? RestoreSstTotalTake { get; init; }

    public string? AverageSpeedSst { get; init; }

    /// <summary>Older BRs print `restore-from`/`restore-to` instead of the source/target points.</summary>
    public ulong? RestoreFrom { get; init; }

    public ulong? RestoreTo { get; init; }
}
