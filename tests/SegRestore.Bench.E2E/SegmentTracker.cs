using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.Bench.E2E;

/// <summary>
/// Follows every segment by watch (no polling of the API, so the benchmark adds no list load): the latest phase per
/// segment and the local receive time of its first Succeeded. Waiting checks this in-memory view.
/// </summary>
public sealed class SegmentTracker : IAsyncDisposable
{
    private readonly Stopwatch _clock;
    private readonly ConcurrentDictionary<string, SegmentPhase?> _phases = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _succeededAt = new();
    private readonly ResourceWatcher<PointRestoreSegment> _watcher;

    public SegmentTracker(E2EEnvironment environment, Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _clock = clock;
        _watcher = new ResourceWatcher<PointRestoreSegment>(environment.Client, E2EEnvironment.Namespace, OnSegment);
    }

    /// <summary>When (on the shared clock) the segment was first seen Succeeded.</summary>
    public TimeSpan? SucceededAt(string name) => _succeededAt.TryGetValue(name, out var at) ? at : null;

    /// <summary>Waits until every named segment has Succeeded; a Failed or Invalid one, or the timeout, throws.</summary>
    public async Task WaitSucceededAsync(IReadOnlyCollection<string> names, TimeSpan timeout, Func<Task<string>> describe)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(describe);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var broken = names.Where(n => _phases.TryGetValue(n, out var p) && p is SegmentPhase.Failed or SegmentPhase.Invalid).ToList();
            if (broken.Count > 0)
            {
                throw new InvalidOperationException(
                    $"segments ended {string.Join(", ", broken.Select(n => $"{n}={_phases[n]}"))}\n{await describe()}");
            }

            if (names.All(n => _succeededAt.ContainsKey(n)))
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                var missing = names.Where(n => !_succeededAt.ContainsKey(n)).Take(10);
                throw new TimeoutException(
                    $"not Succeeded within {timeout.TotalSeconds:0} s: {string.Join(", ", missing)} ...\n{await describe()}");
            }

            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => _watcher.DisposeAsync();

    private void OnSegment(WatchEventType type, PointRestoreSegment segment)
    {
        var name = segment.Metadata.Name ?? "";
        var phase = segment.Status?.Phase;
        _phases[name] = phase;
        if (phase == SegmentPhase.Succeeded)
        {
            _succeededAt.TryAdd(name, _clock.Elapsed);
        }
    }
}
