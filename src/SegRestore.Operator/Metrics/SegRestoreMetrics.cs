using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Metrics;

/// <summary>
/// The operator's instruments (docs/metrics.md), prometheus-net collectors of the operator's own
/// <see cref="CollectorRegistry"/>. The controller and the reporter call one method per event; the segments-by-phase
/// gauge reads the informer cache at scrape time, so it costs nothing between scrapes.
/// </summary>
public sealed class SegRestoreMetrics
{
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string RootUid, int Index), DateTimeOffset> _succeededAt = new();
    private readonly ConcurrentDictionary<(string RootUid, string SegmentUid), byte> _successSeen = new();
    private readonly Gauge _segments;
    private readonly Histogram _reconcileDuration;
    private readonly Counter _reconciles;
    private readonly Histogram _handoff;
    private readonly Histogram _kvPerSecond;
    private readonly Histogram _bytesPerSecond;
    private readonly Gauge _checkpointBytes;
    private readonly Counter _attempts;
    private readonly Lock _sampleSegments = new();

    public SegRestoreMetrics(IServiceProvider services, TimeProvider time, CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _services = services;
        _time = time;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _segments = factory.CreateGauge("segrestore_segments", "PointRestoreSegments in the informer cache, by namespace and status.phase.",
            "namespace", "phase");
        _reconcileDuration = factory.CreateHistogram("segrestore_reconcile_duration_seconds", "Time one reconcile of a segment took, by outcome.",
            Buckets(["outcome"], 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30));
        _reconciles = factory.CreateCounter("segrestore_reconciles_total", "Reconciles by outcome: done, requeue (now or after a delay), error.", "outcome");
        _handoff = factory.CreateHistogram("segrestore_handoff_latency_seconds",
            "From the ledger recording a segment's success to the operator creating the next segment's first worker pod.",
            Buckets([], 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900));
        _kvPerSecond = factory.CreateHistogram("segrestore_br_throughput_kv_per_second",
            "BR's restored KV pairs per second of a succeeded segment (its success summary).",
            Buckets([], 1e2, 1e3, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7, 1e8));
        _bytesPerSecond = factory.CreateHistogram("segrestore_br_throughput_bytes_per_second",
            "BR's restored bytes per second of a succeeded segment (its success summary).",
            Buckets([], 1e4, 1e5, 1e6, 1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10));
        _checkpointBytes = factory.CreateGauge("segrestore_ledger_checkpoint_bytes",
            "Bytes of BR checkpoint files the ledger holds for an active chain (by the chain's root uid).", "chain");
        // Labels in name order, as the series were always written (the E2E suite and dashboards match on them).
        _attempts = factory.CreateCounter("segrestore_worker_attempts_total", "Worker attempts that ended, by result (succeeded, failed) and failure reason.",
            "reason", "result");
        registry.AddBeforeCollectCallback(SampleSegments);
    }

    public void Reconciled(ReconcileOutcome? outcome, TimeSpan elapsed)
    {
        var label = outcome switch
        {
            null => "error",
            ReconcileOutcome.Done => "done",
            _ => "requeue",
        };
        _reconciles.WithLabels(label).Inc();
        _reconcileDuration.WithLabels(label).Observe(elapsed.TotalSeconds);
    }

    /// <summary>A worker pod for <paramref name="attempt"/> of <paramref name="record"/> was created: the first attempt
    /// of a later segment closes the hand-off that began when its predecessor's success was recorded.</summary>
    public void WorkerPodCreated(string rootUid, SegmentRecord record, int attempt)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (attempt == 1 && _succeededAt.TryRemove((rootUid, record.Index - 1), out var succeededAt))
        {
            _handoff.Observe(Math.Max(0, (_time.GetUtcNow() - succeededAt).TotalSeconds));
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
            _kvPerSecond.Observe(summary.TotalKvCount / summary.TotalTake.TotalSeconds);
            _bytesPerSecond.Observe(summary.TotalSizeBytes / summary.TotalTake.TotalSeconds);
        }
    }

    /// <summary>
    /// <see cref="SegmentSucceeded"/> once per segment: the reconciler judges "first time" from the cached status,
    /// and a reconcile that runs again before its own status write reaches the cache would count the segment twice.
    /// </summary>
    public void SegmentSucceededOnce(string rootUid, string segmentUid, SegmentRecord record)
    {
        if (_successSeen.TryAdd((rootUid, segmentUid), 0))
        {
            SegmentSucceeded(rootUid, record);
        }
    }

    public void AttemptEnded(bool succeeded, string? failureReason) =>
        _attempts.WithLabels(succeeded ? "" : failureReason ?? "Unknown", succeeded ? "succeeded" : "failed").Inc();

    public void CheckpointCommitted(string rootUid, long bytes) => _checkpointBytes.WithLabels(rootUid).Set(bytes);

    /// <summary>The chain finalized or was abandoned: the ledger dropped its checkpoint state.</summary>
    public void ChainEnded(string rootUid)
    {
        _checkpointBytes.RemoveLabelled(rootUid);
        foreach (var key in _succeededAt.Keys.Where(k => k.RootUid == rootUid))
        {
            _succeededAt.TryRemove(key, out _);
        }

        foreach (var key in _successSeen.Keys.Where(k => k.RootUid == rootUid))
        {
            _successSeen.TryRemove(key, out _);
        }
    }

    private static HistogramConfiguration Buckets(string[] labelNames, params double[] bounds) =>
        new() { LabelNames = labelNames, Buckets = bounds };

    /// <summary>Before each scrape: the cache's counts now, and no series for a (namespace, phase) no segment has any
    /// more. The context is resolved here: the controller registers it, and a scrape before it exists shows nothing.</summary>
    private void SampleSegments()
    {
        var context = _services.GetService<IControllerContext<PointRestoreSegment>>();
        var counts = context is null
            ? []
            : context.List()
                .GroupBy(s => (Namespace: s.Metadata.NamespaceProperty ?? "", Phase: s.Status?.Phase?.ToString() ?? "New"))
                .ToDictionary(g => g.Key, g => g.LongCount());
        lock (_sampleSegments)
        {
            foreach (var labels in _segments.GetAllLabelValues().ToList())
            {
                if (!counts.ContainsKey((labels[0], labels[1])))
                {
                    _segments.RemoveLabelled(labels);
                }
            }

            foreach (var ((ns, phase), count) in counts)
            {
                _segments.WithLabels(ns, phase).Set(count);
            }
        }
    }
}
