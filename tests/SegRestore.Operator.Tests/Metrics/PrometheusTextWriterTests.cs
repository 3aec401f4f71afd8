using SegRestore.Operator.Metrics;

namespace SegRestore.Operator.Tests.Metrics;

public class PrometheusTextWriterTests
{
    private static KeyValuePair<string, string> L(string key, string value) => KeyValuePair.Create(key, value);

    [Fact]
    public void Writes_counters_gauges_and_histograms_in_the_0_0_4_text_format()
    {
        var families = new[]
        {
            new MetricFamily("segrestore_reconciles", "Reconciles by outcome.", MetricType.Counter,
                [new MetricPoint([L("outcome", "done")], 3), new MetricPoint([L("outcome", "requeue")], 12)]),
            new MetricFamily("segrestore_segments", "Segments by phase.", MetricType.Gauge,
                [new MetricPoint([L("namespace", "tidb"), L("phase", "Running")], 1)]),
            new MetricFamily("segrestore_handoff_latency_seconds", "Hand-off.", MetricType.Histogram,
                [new MetricPoint([], 0, new HistogramData([0.5, 1, 2.5], [1, 0, 2, 1], 7.25, 4))]),
        };

        PrometheusTextWriter.Write(families).Should().Be(
            """
            # HELP segrestore_reconciles_total Reconciles by outcome.
            # TYPE segrestore_reconciles_total counter
            segrestore_reconciles_total{outcome="done"} 3
            segrestore_reconciles_total{outcome="requeue"} 12
            # HELP segrestore_segments Segments by phase.
            # TYPE segrestore_segments gauge
            segrestore_segments{namespace="tidb",phase="Running"} 1
            # HELP segrestore_handoff_latency_seconds Hand-off.
            # TYPE segrestore_handoff_latency_seconds histogram
            segrestore_handoff_latency_seconds_bucket{le="0.5"} 1
            segrestore_handoff_latency_seconds_bucket{le="1"} 1
            segrestore_handoff_latency_seconds_bucket{le="2.5"} 3
            segrestore_handoff_latency_seconds_bucket{le="+Inf"} 4
            segrestore_handoff_latency_seconds_sum 7.25
            segrestore_handoff_latency_seconds_count 4

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Histogram_buckets_keep_the_series_labels_before_le()
    {
        var text = PrometheusTextWriter.Write([new MetricFamily("h", "x", MetricType.Histogram,
            [new MetricPoint([L("outcome", "done")], 0, new HistogramData([1], [2, 0], 0.5, 2))])]);

        text.Should().Contain("h_bucket{outcome=\"done\",le=\"1\"} 2\n")
            .And.Contain("h_bucket{outcome=\"done\",le=\"+Inf\"} 2\n")
            .And.Contain("h_sum{outcome=\"done\"} 0.5\n")
            .And.Contain("h_count{outcome=\"done\"} 2\n");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"quote", "a\\\"quote")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    public void Label_values_escape_backslash_quote_and_newline(string value, string escaped)
    {
        PrometheusTextWriter.EscapeLabelValue(value).Should().Be(escaped);
        PrometheusTextWriter.Write([new MetricFamily("g", "help", MetricType.Gauge, [new MetricPoint([L("k", value)], 1)])])
            .Should().Contain($"g{{k=\"{escaped}\"}} 1\n");
    }

    [Fact]
    public void Help_text_escapes_backslash_and_newline()
    {
        PrometheusTextWriter.Write([new MetricFamily("g", "a\\b\nc", MetricType.Gauge, [])])
            .Should().StartWith("# HELP g a\\\\b\\nc\n");
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e10, "10000000000")]
    public void Values_use_the_invariant_culture_and_prometheus_infinities(double value, string text)
    {
        PrometheusTextWriter.FormatValue(value).Should().Be(text);
    }
}
