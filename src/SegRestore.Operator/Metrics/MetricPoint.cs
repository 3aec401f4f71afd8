namespace SegRestore.Operator.Metrics;

/// <summary>One series of a family: its labels and either a value or a histogram.</summary>
public sealed record MetricPoint(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramData? Histogram = null);
