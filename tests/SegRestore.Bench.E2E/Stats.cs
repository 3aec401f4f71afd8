namespace SegRestore.Bench.E2E;

/// <summary>Order statistics of a sample (nearest-rank percentiles, as latency reports use).</summary>
public static class Stats
{
    /// <summary>The smallest value with at least <paramref name="percent"/>% of the sample at or below it.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);
}
