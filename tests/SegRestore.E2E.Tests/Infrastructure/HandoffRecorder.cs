using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// Measures hand-offs: from "segment N finished" to "the first pod of segment N+1 was ADDED", all stamped with local
/// receive times (one Stopwatch) from watches on segments and pods. "Finished" is the earlier of "segment N's phase
/// became Succeeded" and "segment N's worker pod reached phase Succeeded": the operator starts N+1 as soon as N's
/// result is in the ledger, which can be before N's own status write (docs/benchmarks-method.md).
/// </summary>
public sealed class HandoffRecorder : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, TimeSpan> _succeeded = new();
    private readonly ConcurrentDictionary<string, string> _uidByName = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _firstPodByUid = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _podSucceededByUid = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstPodUtcByUid = new();
    private readonly ResourceWatcher<PointRestoreSegment> _segments;
    private readonly ResourceWatcher<V1Pod> _pods;

    public HandoffRecorder(E2EEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _segments = new ResourceWatcher<PointRestoreSegment>(environment.Client, E2EEnvironment.Namespace, OnSegment);
        _pods = new ResourceWatcher<V1Pod>(environment.Client, E2EEnvironment.Namespace, OnPod);
    }

    /// <summary>Hand-off latencies in chain order (null where a side was not seen).</summary>
    public IReadOnlyList<(string From, string To, TimeSpan? Latency)> Handoffs(IReadOnlyList<string> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var result = new List<(string, string, TimeSpan?)>();
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            TimeSpan? latency = FinishedAt(chain[i]) is { } done
                && _uidByName.TryGetValue(chain[i + 1], out var uid)
                && _firstPodByUid.TryGetValue(uid, out var created)
                ? created - done
                : null;
            result.Add((chain[i], chain[i + 1], latency));
        }

        return result;
    }

    /// <summary>When the watch first saw a pod of the segment (wall clock, to compare with the worker's log times).</summary>
    public DateTimeOffset? FirstPodSeenUtc(string name) =>
        _uidByName.TryGetValue(name, out var uid) && _firstPodUtcByUid.TryGetValue(uid, out var at) ? at : null;

    /// <summary>The earlier of the segment's Succeeded status and its worker pod's Succeeded phase, when either was seen.</summary>
    private TimeSpan? FinishedAt(string name)
    {
        TimeSpan? status = _succeeded.TryGetValue(name, out var s) ? s : null;
        TimeSpan? pod = _uidByName.TryGetValue(name, out var uid) && _podSucceededByUid.TryGetValue(uid, out var p) ? p : null;
        return status is null ? pod : pod is null ? status : status < pod ? status : pod;
    }

    /// <summary>Prints each hand-off, p50 and max to the test output and appends them to .tmp/e2e-handoff.txt.</summary>
    public void Report(IReadOnlyList<string> chain, string testName, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var handoffs = Handoffs(chain);
        var lines = handoffs.Select(h => $"hand-off {h.From} -> {h.To}: " +
            (h.Latency is { } l ? $"{l.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms" : "not observed")).ToList();
        var measured = handoffs.Where(h => h.Latency is not null).Select(h => h.Latency!.Value.TotalMilliseconds).Order().ToList();
        if (measured.Count > 0)
        {
            var p50 = measured[(measured.Count - 1) / 2];
            lines.Add($"hand-off p50 {p50.ToString("0", CultureInfo.InvariantCulture)} ms, " +
                $"max {measured[^1].ToString("0", CultureInfo.InvariantCulture)} ms over {measured.Count}");
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        File.AppendAllLines(Path.Combine(RepoLayout.TmpDirectory, "e2e-handoff.txt"),
            lines.Select(l => $"{DateTime.UtcNow:O} {testName} {l}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _segments.DisposeAsync();
        await _pods.DisposeAsync();
    }

    private void OnSegment(WatchEventType type, PointRestoreSegment segment)
    {
        var name = segment.Metadata.Name ?? "";
        if (segment.Metadata.Uid is { } uid)
        {
            _uidByName[name] = uid;
        }

        if (segment.Status?.Phase == SegmentPhase.Succeeded)
        {
            _succeeded.TryAdd(name, _clock.Elapsed);
        }
    }

    private void OnPod(WatchEventType type, V1Pod pod)
    {
        if (pod.Metadata.Labels?.TryGetValue(SegRestoreLabels.SegmentUid, out var uid) == true)
        {
            var now = _clock.Elapsed;
            _firstPodByUid.TryAdd(uid, now);
            _firstPodUtcByUid.TryAdd(uid, DateTimeOffset.UtcNow);
            if (pod.Status?.Phase == "Succeeded")
            {
                _podSucceededByUid.TryAdd(uid, now);
            }
        }
    }
}
