using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Informers;

/// <summary>What an informer watches and how it recovers.</summary>
public sealed record InformerOptions
{
    /// <summary>Null watches all namespaces.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>The page size of (re-)lists.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The server closes each watch cleanly after this long (<c>timeoutSeconds</c>); the informer re-watches.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A stream with no event or bookmark for this long is presumed dead and restarted (the watchdog).</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Delays between failed attempts; reset once a stream has been healthy.</summary>
    public BackoffPolicy Backoff { get; init; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), 0.5);

    /// <summary>A stream that lived this long (or delivered any event) counts as healthy.</summary>
    public TimeSpan HealthyStreamAge { get; init; } = TimeSpan.FromSeconds(5);

    internal TimeSpan EffectiveIdleTimeout => IdleTimeout ?? WatchTimeout + TimeSpan.FromSeconds(30);
}
