using System.Collections.Concurrent;
using System.Diagnostics;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.Bench.E2E;

/// <summary>
/// Diagnostic for the write count: with <c>SEGRESTORE_BENCH_HISTORY=FILE</c> every version of every segment the watch
/// saw (finalizers, labels, phase, condition reasons, message) is written to FILE at the end, one line each, so each
/// status write and patch can be traced to the change it carried.
/// </summary>
public sealed class StatusHistory : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string? _path;
    private readonly ResourceWatcher<PointRestoreSegment>? _watch;

    public StatusHistory(E2EEnvironment env, Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(clock);
        _path = Environment.GetEnvironmentVariable("SEGRESTORE_BENCH_HISTORY");
        if (string.IsNullOrEmpty(_path))
        {
            return;
        }

        _watch = new ResourceWatcher<PointRestoreSegment>(env.Client, E2EEnvironment.Namespace, (type, s) => _lines.Enqueue(
            $"{clock.Elapsed.TotalMilliseconds:0} {s.Metadata.Name} rv={s.Metadata.ResourceVersion} {type} " +
            $"finalizers={string.Join(',', s.Metadata.Finalizers ?? [])} labels={s.Metadata.Labels?.Count ?? 0} {s.Status?.Phase} " +
            $"[{string.Join("; ", (s.Status?.Conditions ?? []).Select(c => $"{c.Type}={c.Status}/{c.Reason}"))}] " +
            $"cluster={s.Status?.Chain?.ClusterId} dialect={s.Status?.Chain?.Dialect} progress={s.Status?.Progress?.Percent} message={s.Status?.Message}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_watch is null || _path is null)
        {
            return;
        }

        await _watch.DisposeAsync();
        await File.WriteAllLinesAsync(_path, _lines);
    }
}
