using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace SegRestore.Operator.Metrics;

/// <summary>
/// Collects one <see cref="Meter"/>'s instruments through a <see cref="MeterListener"/> and renders them for a scrape:
/// counters (and observable counters) summed per label set, gauges (observable ones sampled at each scrape, so a label
/// set that disappears disappears from the output), histograms with the bucket bounds the instrument advises.
/// </summary>
public sealed class PrometheusRegistry : IDisposable
{
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, SeriesState>> _series = new();
    private readonly Lock _scrape = new();

    public PrometheusRegistry(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                _series.TryAdd(instrument, new ConcurrentDictionary<string, SeriesState>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _series.TryRemove(instrument, out ConcurrentDictionary<string, SeriesState>? _);
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The current text of every instrument, in name order.</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            foreach (var (instrument, series) in _series)
            {
                if (instrument.IsObservable && KindOf(instrument) == MetricType.Gauge)
                {
                    series.Clear();
                }
            }

            _listener.RecordObservableInstruments();
            var families = _series
                .OrderBy(s => s.Key.Name, StringComparer.Ordinal)
                .Select(s => new MetricFamily(s.Key.Name, s.Key.Description ?? s.Key.Name, KindOf(s.Key),
                    s.Value.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Snapshot()).ToList()))
                .ToList();
            return PrometheusTextWriter.Write(families);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static MetricType KindOf(Instrument instrument) => instrument switch
    {
        Histogram<double> or Histogram<long> or Histogram<int> => MetricType.Histogram,
        Counter<long> or Counter<double> or Counter<int> or ObservableCounter<long> or ObservableCounter<double> => MetricType.Counter,
        _ => MetricType.Gauge,
    };

    private static double[]? BoundsOf(Instrument instrument) => KindOf(instrument) != MetricType.Histogram
        ? null
        : instrument switch
        {
            Histogram<double> { Advice.HistogramBucketBoundaries: { } bounds } => [.. bounds],
            _ => DefaultBounds,
        };

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_series.TryGetValue(instrument, out var series))
        {
            return;
        }

        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(KeyValuePair.Create(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
        var state = series.GetOrAdd(key, _ => new SeriesState(labels, BoundsOf(instrument)));
        switch (KindOf(instrument))
        {
            case MetricType.Histogram:
                state.Observe(value);
                break;
            case MetricType.Counter when !instrument.IsObservable:
                state.Add(value);
                break;
            default:
                // Gauges, up-down counters sampled as values, and observable counters (which report their total).
                if (instrument is UpDownCounter<long> or UpDownCounter<double>)
                {
                    state.Add(value);
                }
                else
                {
                    state.Set(value);
                }

                break;
        }
    }
}
