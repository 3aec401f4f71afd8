namespace SegRestore.Operator.Metrics;

/// <summary>The running state of one labelled series: a value (counter sum, gauge last value) or histogram buckets.</summary>
internal sealed class SeriesState(IReadOnlyList<KeyValuePair<string, string>> labels, IReadOnlyList<double>? bounds)
{
    private readonly long[]? _buckets = bounds is null ? null : new long[bounds.Count + 1];
    private double _value;
    private long _count;

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

    public void Add(double value)
    {
        lock (this)
        {
            _value += value;
        }
    }

    public void Set(double value)
    {
        lock (this)
        {
            _value = value;
        }
    }

    public void Observe(double value)
    {
        lock (this)
        {
            var index = 0;
            while (index < bounds!.Count && value > bounds[index])
            {
                index++;
            }

            _buckets![index]++;
            _value += value;
            _count++;
        }
    }

    public MetricPoint Snapshot()
    {
        lock (this)
        {
            return _buckets is null
                ? new MetricPoint(Labels, _value)
                : new MetricPoint(Labels, _value, new HistogramData(bounds!, [.. _buckets], _value, _count));
        }
    }
}
