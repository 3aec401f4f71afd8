using System.Collections.Concurrent;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Counts overlapping reconciles per key and remembers the last version each key was reconciled at.</summary>
public sealed class InterlockProbe
{
    private readonly ConcurrentDictionary<ObjectKey, int> _running = new();
    private int _overlaps;
    private int _reconciles;
    private int _concurrent;
    private int _maxConcurrency;

    public ConcurrentDictionary<ObjectKey, string?> LastSeenVersion { get; } = new();

    public int Overlaps => Volatile.Read(ref _overlaps);

    public int Reconciles => Volatile.Read(ref _reconciles);

    public int MaxConcurrency => Volatile.Read(ref _maxConcurrency);

    public void Enter(ObjectKey key)
    {
        Interlocked.Increment(ref _reconciles);
        if (_running.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        var concurrent = Interlocked.Increment(ref _concurrent);
        int current;
        while ((current = Volatile.Read(ref _maxConcurrency)) < concurrent
            && Interlocked.CompareExchange(ref _maxConcurrency, concurrent, current) != current)
        {
        }
    }

    public void Exit(ObjectKey key)
    {
        Interlocked.Decrement(ref _concurrent);
        _running.AddOrUpdate(key, 0, (_, n) => n - 1);
    }
}
