using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Queue;

/// <summary>
/// A rate-limited, de-duplicating work queue of object keys (client-go's <c>RateLimitingInterface</c>).
/// A key is handed to one worker at a time: added again while it is processed, it is re-run once after
/// <see cref="Done"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Work queue is the established name (client-go, KubeOps).")]
public interface IWorkQueue
{
    /// <summary>Keys ready now (not counting those being processed or waiting on a delay).</summary>
    int Count { get; }

    void Add(ObjectKey key);

    /// <summary>Adds the key after <paramref name="delay"/>; an earlier pending time for the same key wins.</summary>
    void AddAfter(ObjectKey key, TimeSpan delay);

    /// <summary>Records a failure and adds the key after its per-key backoff.</summary>
    void AddRateLimited(ObjectKey key);

    /// <summary>Clears the key's failure count (after a success).</summary>
    void Forget(ObjectKey key);

    int Failures(ObjectKey key);

    /// <summary>Waits for a ready key and marks it as being processed.</summary>
    ValueTask<ObjectKey> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>Ends processing of a key taken with <see cref="DequeueAsync"/>.</summary>
    void Done(ObjectKey key);
}
