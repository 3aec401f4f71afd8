using System.Threading.Channels;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Storage;

/// <summary>A live feed of committed changes, starting strictly after <see cref="StartResourceVersion"/>.
/// A subscriber that falls more than its backlog limit behind is cut off with <see cref="Expired"/> set, which a
/// watch reports as an in-stream 410 (the client must re-list).</summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false }); // multi-reader channels can Count.
    private readonly Action<WatchSubscription> _unsubscribe;
    private readonly int _backlogLimit;
    private int _disposed;
    private long _progress;

    internal WatchSubscription(ResourceId? resource, long startResourceVersion, int backlogLimit,
        IReadOnlyList<StoredObject> initialObjects, Action<WatchSubscription> unsubscribe)
    {
        Resource = resource;
        StartResourceVersion = startResourceVersion;
        InitialObjects = initialObjects;
        _progress = startResourceVersion;
        _backlogLimit = backlogLimit;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The resource followed; null follows every resource (garbage collector, kubelet).</summary>
    public ResourceId? Resource { get; }

    public long StartResourceVersion { get; }

    /// <summary>Objects existing at <see cref="StartResourceVersion"/> when the watch asked for a snapshot.</summary>
    public IReadOnlyList<StoredObject> InitialObjects { get; }

    public bool Expired { get; private set; }

    /// <summary>The newest committed resourceVersion whose event (if it concerns this subscription) is already in
    /// <see cref="Events"/>: read it before draining, and a bookmark carrying it never skips an event.</summary>
    public long Progress => Interlocked.Read(ref _progress);

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    internal void Deliver(WatchEvent change)
    {
        if (Resource is { } resource && resource != change.Current.Key.Resource)
        {
            Interlocked.Exchange(ref _progress, change.ResourceVersion);
            return;
        }

        if (_channel.Reader.Count >= _backlogLimit)
        {
            Expired = true;
            _channel.Writer.TryComplete();
            return;
        }

        _channel.Writer.TryWrite(change);
        Interlocked.Exchange(ref _progress, change.ResourceVersion);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _channel.Writer.TryComplete();
            _unsubscribe(this);
        }
    }
}
