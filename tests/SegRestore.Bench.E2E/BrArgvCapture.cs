using System.Collections.Concurrent;
using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Reporter.Contract;

namespace SegRestore.Bench.E2E;

/// <summary>
/// Records the BR argv the operator gave each segment's worker (the pod's SEGRESTORE_BR_ARGS, a JSON array), so the
/// plain script replays exactly the flags the workers use.
/// </summary>
public sealed class BrArgvCapture : IAsyncDisposable
{
    /// <summary>The worker's environment variable with BR's argv (SegRestore.Operator's WorkerEnv.BrArgs).</summary>
    public const string BrArgsVariable = "SEGRESTORE_BR_ARGS";

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _argvBySegment = new();
    private readonly ResourceWatcher<V1Pod> _watcher;

    public BrArgvCapture(E2EEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _watcher = new ResourceWatcher<V1Pod>(environment.Client, E2EEnvironment.Namespace, OnPod);
    }

    public IReadOnlyList<string>? ArgvOf(string segment) => _argvBySegment.TryGetValue(segment, out var argv) ? argv : null;

    public ValueTask DisposeAsync() => _watcher.DisposeAsync();

    private void OnPod(WatchEventType type, V1Pod pod)
    {
        var owner = pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == "PointRestoreSegment");
        var json = pod.Spec?.Containers.SelectMany(c => c.Env ?? []).FirstOrDefault(e => e.Name == BrArgsVariable)?.Value;
        if (owner?.Name is { } segment && json is not null)
        {
            _argvBySegment.TryAdd(segment, JsonSerializer.Deserialize<List<string>>(json) ?? []);
        }
    }
}
