namespace SegRestore.Operator.Metrics;

/// <summary>A metric name with its help text, type and series. <see cref="Name"/> has no <c>_total</c> suffix.</summary>
public sealed record MetricFamily(string Name, string Help, MetricType Type, IReadOnlyList<MetricPoint> Points);
