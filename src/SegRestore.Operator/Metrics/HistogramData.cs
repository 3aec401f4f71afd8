namespace SegRestore.Operator.Metrics;

/// <summary>A histogram's state: per-bucket (not cumulative) counts, one more than <see cref="Bounds"/> (the +Inf bucket).</summary>
public sealed record HistogramData(IReadOnlyList<double> Bounds, IReadOnlyList<long> BucketCounts, double Sum, long Count);
