using System.Diagnostics.Metrics;
using SegRestore.Operator.Metrics;

namespace SegRestore.Operator.Tests.Metrics;

public class PrometheusRegistryTests
{
    [Fact]
    public void Scrape_sums_counters_buckets_histograms_and_samples_observable_gauges_of_its_meter_only()
    {
        var meterName = "test." + Guid.NewGuid().ToString("N");
        using var registry = new PrometheusRegistry(meterName);
        using var meter = new Meter(meterName);
        using var other = new Meter("other." + Guid.NewGuid().ToString("N"));
        var counter = meter.CreateCounter<long>("things", description: "Things.");
        var histogram = meter.CreateHistogram("wait_seconds", "s", "Waits.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10] });
        var gaugeValues = new List<Measurement<long>> { new(2, KeyValuePair.Create<string, object?>("phase", "Running")) };
        meter.CreateObservableGauge("current", () => gaugeValues, description: "Current.");
        other.CreateCounter<long>("foreign").Add(5);

        counter.Add(1, KeyValuePair.Create<string, object?>("kind", "a"));
        counter.Add(2, KeyValuePair.Create<string, object?>("kind", "a"));
        counter.Add(4, KeyValuePair.Create<string, object?>("kind", "b"));
        histogram.Record(0.5);
        histogram.Record(5);
        histogram.Record(50);
        var first = registry.Scrape();
        gaugeValues.Clear();
        var second = registry.Scrape();

        first.Should().Contain("things_total{kind=\"a\"} 3\n").And.Contain("things_total{kind=\"b\"} 4\n")
            .And.Contain("wait_seconds_bucket{le=\"1\"} 1\n").And.Contain("wait_seconds_bucket{le=\"10\"} 2\n")
            .And.Contain("wait_seconds_bucket{le=\"+Inf\"} 3\n").And.Contain("wait_seconds_sum 55.5\n").And.Contain("wait_seconds_count 3\n")
            .And.Contain("current{phase=\"Running\"} 2\n")
            .And.NotContain("foreign");
        second.Should().Contain("# TYPE current gauge\n").And.NotContain("current{phase=\"Running\"}",
            "a label set the observable gauge no longer reports disappears at the next scrape");
    }
}
