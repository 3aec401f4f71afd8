namespace SegRestore.Store.Model;

/// <summary>BR's numbers from <c>restore log success summary</c>.</summary>
public sealed record BrSummary(
    ulong TotalKvCount,
    ulong TotalSizeBytes,
    TimeSpan TotalTake,
    ulong SkippedKvCountByCheckpoint,
    ulong SkippedSizeBytesByCheckpoint,
    double AverageSpeedBytesPerSecond);
