using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Queue;

/// <summary>Per-key failure backoff of a <see cref="WorkQueue"/>.</summary>
public sealed record WorkQueueOptions
{
    /// <summary>Failure n waits <c>BaseDelay * 2^(n-1)</c> plus jitter, capped at MaxDelay.</summary>
    public BackoffPolicy Backoff { get; init; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), 0.1);

    /// <summary>The jitter source, a value in [0, 1); tests pin it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
