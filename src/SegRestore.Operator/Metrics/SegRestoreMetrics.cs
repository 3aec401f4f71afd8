using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Metrics;

/// <summary>
/// The operator's instruments (docs/metrics.md). The controller and the reporter call one method per event; the
/// segments-by-phase gauge reads the informer cache at scrape time, so it costs nothing between scrapes.
/// </summary>
public sealed class SegRestoreMetrics : IDisposable
{
    public const string MeterName = "SegRestore.Operator";

    private readonly Meter _meter = new(MeterName);
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _checkpointBytes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RootUid, int Index), DateTimeOffset> _succeededAt = new();
    private readonly Histogram<double> _reconcileDuration;
    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _handoff;
    private readonly Histogram<double> _kvPerSecond;
    private readonly Histogram<double> _bytesPerSecond;
    private readonly Counter<long> _attempts;

    public SegRestoreMetrics(IServiceProvider services, TimeProvider time)
    {
        _services = services;
        _time = time;
        // The context is resolved at scrape time: the controller registers it, and a scrape before it exists shows nothing.
        _meter.CreateObservableGauge("segrestore_segments", ObserveSegments, description: "PointRestoreSegments in the informer cache, by namespace and status.phase.");
        _reconcileDuration = _meter.CreateHistogram("segrestore_reconcile_duration_seconds", "s", "Time one reconcile of a segment took, by outcome.",
            advice: Bounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30));
        _reconciles = _meter.CreateCounter<long>("segrestore_reconciles", description: "Reconciles by outcome: done, requeue (now or after a delay), error.");
        _handoff = _meter.CreateHistogram("segrestore_handoff_latency_seconds", "s",
            "From the ledger recording a segment's success to the operator creating the next segment's first worker pod.",
            advice: Bounds(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900));
        _kvPerSecond = _meter.CreateHistogram("segrestore_br_throughput_kv_per_second", "{kv}/s",
            "BR's restored KV pairs per second of a succeeded segment (its success summary).",
            advice: Bounds(1e2, 1e3, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7, 1e8));
        _bytesPerSecond = _meter.CreateHistogram("segrestore_br_throughput_bytes_per_second", "By/s",
            "BR's restored bytes per second of a succeeded segment (its success summary).",
            advice: Bounds(1e4, 1e5, 1e6, 1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10));
        _meter.CreateObservableGauge("segrestore_ledger_checkpoint_bytes", ObserveCheckpointBytes,
            description: "Bytes of BR checkpoint files the ledger holds for an active chain (by the chain's root uid).");
        _attempts = _meter.CreateCounter<long>("segrestore_worker_attempts", description: "Worker attempts that ended, by result (succeeded, failed) and failure reason.");
    }

    public void Reconciled(ReconcileOutcome? outcome, TimeSpan elapsed)
    {
        var label = outcome switch
        {
            null => "error",
            ReconcileOutcome.Done => "done",
            _ => "requeue",
        };
        var tag = KeyValuePair.Create<string, object?>("outcome", label);
        _reconciles.Add(1, tag);
        _reconcileDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>A worker pod for <paramref name="attempt"/> of <paramref name="record"/> was created: the first attempt
    /// of a later segment closes the hand-off that began when its predecessor's success was recorded.</summary>
    public void WorkerPodCreated(string rootUid, SegmentRecord record, int attempt)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (attempt == 1 && _succeededAt.TryRemove((rootUid, record.Index - 1), out var succeededAt))
        {
            _handoff.Record(Math.Max(0, (_time.GetUtcNow() - succeededAt).TotalSeconds));
        }
    }

    /// <summary>A segment's success was observed: BR's throughput from its summary, and the start of its hand-off (the
    /// time the ledger recorded the success, which may be a little before the operator saw it).</summary>
    public void SegmentSucceeded(string rootUid, SegmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Start.Last)
        {
            _succeededAt[(rootUid, record.Index)] = record.CompletedAt ?? _time.GetUtcNow();
        }

        if (record.Summary is { TotalTake.TotalSeconds: > 0 } summary)
        {
            _kvPerSecond.Record(summary.TotalKvCount / summary.TotalTake.TotalSeconds);
            _bytesPerSecond.Record(summary.TotalSizeBytes / summary.TotalTake.TotalSeconds);
        }
    }

    public void AttemptEnded(bool succeeded, string? failureReason) =>
        _attempts.Add(1, KeyValuePair.Create<string, object?>("result", succeeded ? "succeeded" : "failed"),
            KeyValuePair.Create<string, object?>("reason", succeeded ? "" : failureReason ?? "Unknown"));

    public void CheckpointCommitted(string rootUid, long bytes) => _checkpointBytes[rootUid] = bytes;

    /// <summary>The chain finalized or was abandoned: the ledger dropped its checkpoint state.</summary>
    public void ChainEnded(string rootUid)
    {
        _checkpointBytes.TryRemove(rootUid, out _);
        foreach (var key in _succeededAt.Keys.Where(k => k.RootUid == rootUid))
        {
            _succeededAt.TryRemove(key, out _);
        }
    }

    public void Dispose() => _meter.Dispose();

    private static InstrumentAdvice<double> Bounds(params double[] bounds) => new() { HistogramBucketBoundaries = bounds };

    private IEnumerable<Measurement<long>> ObserveSegments()
    {
        var context = _services.GetService<IControllerContext<PointRestoreSegment>>();
        if (context is null)
        {
            return [];
        }

        return context.List()
            .GroupBy(s => (Namespace: s.Metadata.NamespaceProperty ?? "", Phase: s.Status?.Phase?.ToString() ?? "New"))
            .Select(g => new Measurement<long>(g.LongCount(),
                KeyValuePair.Create<string, object?>("namespace", g.Key.Namespace),
                KeyValuePair.Create<string, object?>("phase", g.Key.Phase)));
    }

    private IEnumerable<Measurement<long>> ObserveCheckpointBytes() =>
        _checkpointBytes.Select(c => new Measurement<long>(c.Value, KeyValuePair.Create<string, object?>("chain", c.Key)));
}
