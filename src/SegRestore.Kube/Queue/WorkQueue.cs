using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Queue;

/// <summary>
/// The <see cref="IWorkQueue"/>: a FIFO of ready keys, a "dirty" set that de-duplicates them, a "processing" set
/// that keeps a key away from a second worker, per-key delayed adds on <see cref="TimeProvider"/> timers, and per-key
/// failure counts for exponential backoff.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Work queue is the established name (client-go, KubeOps).")]
public sealed class WorkQueue(WorkQueueOptions options, TimeProvider? timeProvider = null) : IWorkQueue, IDisposable
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Queue<ObjectKey> _ready = new();
    private readonly HashSet<ObjectKey> _dirty = [];
    private readonly HashSet<ObjectKey> _processing = [];
    private readonly Dictionary<ObjectKey, PendingAdd> _waiting = [];
    private readonly Dictionary<ObjectKey, int> _failures = [];
    private readonly SemaphoreSlim _available = new(0);
    private bool _disposed;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ready.Count;
            }
        }
    }

    public void Add(ObjectKey key)
    {
        lock (_lock)
        {
            if (_disposed || !_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _ready.Enqueue(key);
        }

        _available.Release();
    }

    public void AddAfter(ObjectKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            var due = _time.GetUtcNow() + delay;
            if (_disposed || (_waiting.TryGetValue(key, out var pending) && pending.Due <= due))
            {
                return;
            }

            _waiting.GetValueOrDefault(key)?.Timer.Dispose();
            var add = new PendingAdd(due);
            add.Timer = _time.CreateTimer(_ => Fire(key, add), null, delay, Timeout.InfiniteTimeSpan);
            _waiting[key] = add;
        }
    }

    public void AddRateLimited(ObjectKey key)
    {
        int failures;
        lock (_lock)
        {
            failures = _failures[key] = _failures.GetValueOrDefault(key) + 1;
        }

        AddAfter(key, options.Backoff.Delay(failures, options.Random()));
    }

    public void Forget(ObjectKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    public int Failures(ObjectKey key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    public async ValueTask<ObjectKey> DequeueAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var key = _ready.Dequeue();
            _dirty.Remove(key);
            _processing.Add(key);
            return key;
        }
    }

    public void Done(ObjectKey key)
    {
        lock (_lock)
        {
            if (!_processing.Remove(key) || _disposed || !_dirty.Contains(key))
            {
                return;
            }

            // Added while it ran: run it once more now that no worker holds it.
            _ready.Enqueue(key);
        }

        _available.Release();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var pending in _waiting.Values)
            {
                pending.Timer.Dispose();
            }

            _waiting.Clear();
        }
    }

    private void Fire(ObjectKey key, PendingAdd add)
    {
        lock (_lock)
        {
            // A later AddAfter with an earlier due time replaced this timer; only the current one adds.
            if (!_waiting.TryGetValue(key, out var current) || !ReferenceEquals(current, add))
            {
                return;
            }

            _waiting.Remove(key);
            add.Timer.Dispose();
        }

        Add(key);
    }

    private sealed class PendingAdd(DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }
}
