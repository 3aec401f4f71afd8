using k8s;
using k8s.Models;
using SegRestore.Api.Labels;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// Watches worker pods for the whole run and checks two invariants at every event: at most one pod per (segment,
/// attempt), and never two non-terminated pods of one segment at the same time.
/// </summary>
public sealed class PodTimeline : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, (string SegmentUid, string Attempt, bool Active)> _pods = [];
    private readonly Dictionary<(string SegmentUid, string Attempt), HashSet<string>> _podsPerAttempt = [];
    private readonly List<string> _violations = [];
    private readonly ResourceWatcher<V1Pod> _watcher;

    public PodTimeline(E2EEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _watcher = new ResourceWatcher<V1Pod>(environment.Client, E2EEnvironment.Namespace, OnPod);
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_lock)
            {
                return _violations.ToList();
            }
        }
    }

    /// <summary>Pod names seen per (segment uid, attempt label).</summary>
    public IReadOnlyDictionary<(string SegmentUid, string Attempt), IReadOnlyCollection<string>> PodsPerAttempt
    {
        get
        {
            lock (_lock)
            {
                return _podsPerAttempt.ToDictionary(p => p.Key, p => (IReadOnlyCollection<string>)p.Value.ToList());
            }
        }
    }

    public ValueTask DisposeAsync() => _watcher.DisposeAsync();

    private void OnPod(WatchEventType type, V1Pod pod)
    {
        var labels = pod.Metadata.Labels;
        if (labels is null || !labels.TryGetValue(SegRestoreLabels.SegmentUid, out var segmentUid))
        {
            return;
        }

        var attempt = labels.TryGetValue(SegRestoreLabels.Attempt, out var a) ? a : "?";
        var name = pod.Metadata.Name ?? "";
        var active = type != WatchEventType.Deleted && pod.Status?.Phase is not ("Succeeded" or "Failed");
        lock (_lock)
        {
            var key = (segmentUid, attempt);
            if (!_podsPerAttempt.TryGetValue(key, out var names))
            {
                _podsPerAttempt[key] = names = [];
            }

            names.Add(pod.Metadata.Uid ?? name);
            if (names.Count > 1)
            {
                _violations.Add($"segment {segmentUid} attempt {attempt} has {names.Count} pods (latest {name})");
            }

            _pods[name] = (segmentUid, attempt, active);
            var running = _pods.Where(p => p.Value.SegmentUid == segmentUid && p.Value.Active).Select(p => p.Key).ToList();
            if (running.Count > 1)
            {
                _violations.Add($"segment {segmentUid} has {running.Count} non-terminated pods at once: {string.Join(", ", running)}");
            }
        }
    }
}
