using System.Globalization;
using System.Text;

namespace SegRestore.Operator.Metrics;

/// <summary>
/// Prometheus text exposition format 0.0.4 (pure): <c># HELP</c> and <c># TYPE</c> per family, counters with
/// <c>_total</c>, histograms as cumulative <c>_bucket{le="..."}</c> series ending in <c>+Inf</c>, then <c>_sum</c> and
/// <c>_count</c>. Label values escape backslash, double quote and newline; help text escapes backslash and newline.
/// </summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var family in families)
        {
            var name = family.Type == MetricType.Counter ? family.Name + "_total" : family.Name;
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(family.Type)).Append('\n');
            foreach (var point in family.Points)
            {
                if (point.Histogram is { } histogram)
                {
                    WriteHistogram(text, family.Name, point.Labels, histogram);
                }
                else
                {
                    Sample(text, name, point.Labels, null, point.Value);
                }
            }
        }

        return text.ToString();
    }

    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void WriteHistogram(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramData histogram)
    {
        long cumulative = 0;
        for (var i = 0; i <= histogram.Bounds.Count; i++)
        {
            cumulative += i < histogram.BucketCounts.Count ? histogram.BucketCounts[i] : 0;
            var le = i < histogram.Bounds.Count ? FormatValue(histogram.Bounds[i]) : "+Inf";
            Sample(text, name + "_bucket", labels, le, cumulative);
        }

        Sample(text, name + "_sum", labels, null, histogram.Sum);
        Sample(text, name + "_count", labels, null, histogram.Count);
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                text.Append(first ? "" : ",").Append(key).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        _ => "histogram",
    };
}
