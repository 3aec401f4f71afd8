using System.Globalization;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Storage;

/// <summary>The object store: all objects in memory (optionally written through to durable storage), one global
/// increasing resourceVersion, and a bounded history of changes from which watches resume.</summary>
public sealed class ObjectStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, StoredObject> _objects = [];
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _subscribers = [];
    private readonly int _historyCapacity;
    private readonly int _watchBacklogLimit;
    private readonly IObjectPersistence? _persistence;
    private long _resourceVersion;
    private long _compactedResourceVersion;

    public ObjectStore(int historyCapacity = 10_000, int watchBacklogLimit = 100_000, IObjectPersistence? persistence = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyCapacity, 1);
        _historyCapacity = historyCapacity;
        _watchBacklogLimit = watchBacklogLimit;
        _persistence = persistence;
        if (persistence is not null)
        {
            _resourceVersion = persistence.LoadResourceVersion();
            foreach (var (key, json) in persistence.LoadObjects())
            {
                var obj = (JsonObject)JsonNode.Parse(json)!;
                var rv = long.Parse(obj["metadata"]?["resourceVersion"]?.ToString() ?? "0", CultureInfo.InvariantCulture);
                _objects[key] = StoredObject.Create(key, rv, obj);
            }

            // Changes before a restart are gone: resuming a watch from an older resourceVersion must be a 410.
            _compactedResourceVersion = _resourceVersion;
        }
    }

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public StoredObject? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    /// <summary>The objects of a resource (in one namespace when given), sorted by namespace and name, and the
    /// resourceVersion the list is consistent with.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(ResourceId resource, string? ns)
    {
        lock (_gate)
        {
            return (Select(resource, ns), _resourceVersion);
        }
    }

    /// <summary>The objects as they were at <paramref name="resourceVersion"/>, rebuilt by undoing the retained
    /// history after it: what a continue token reads, so pages stay consistent with the first one. 410 when that
    /// version is older than the history.</summary>
    public IReadOnlyList<StoredObject> ListAt(ResourceId resource, string? ns, long resourceVersion)
    {
        lock (_gate)
        {
            if (resourceVersion < _compactedResourceVersion)
            {
                throw StatusErrors.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
            }

            var state = Select(resource, ns).ToDictionary(o => o.Key);
            var history = _history.ToArray();
            for (var i = history.Length - 1; i >= 0 && history[i].ResourceVersion > resourceVersion; i--)
            {
                var change = history[i];
                var key = change.Current.Key;
                if (key.Resource != resource || (ns is not null && key.Namespace != ns))
                {
                    continue;
                }

                if (change.Type == WatchEventType.Added || change.Previous is null)
                {
                    state.Remove(key);
                }
                else
                {
                    state[key] = change.Previous;
                }
            }

            return [.. state.Values
                .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(o => o.Key.Name, StringComparer.Ordinal)];
        }
    }

    public T Write<T>(Func<StoreTransaction, T> action)
    {
        lock (_gate)
        {
            return action(new StoreTransaction(this));
        }
    }

    /// <summary>Subscribes to changes. With <paramref name="fromResourceVersion"/> null the subscription starts at
    /// the current resourceVersion with a snapshot of the resource's objects; otherwise it replays the retained
    /// history strictly after that version, or fails with 410 when that history was already discarded.</summary>
    public WatchSubscription Watch(ResourceId? resource, long? fromResourceVersion, string? ns = null)
    {
        lock (_gate)
        {
            if (fromResourceVersion is null)
            {
                var snapshot = resource is { } id ? Select(id, ns) : [.. _objects.Values];
                return Subscribe(resource, _resourceVersion, snapshot);
            }

            var from = fromResourceVersion.Value;
            if (from < _compactedResourceVersion)
            {
                throw StatusErrors.Expired(
                    $"too old resource version: {from} ({_compactedResourceVersion + 1})");
            }

            var subscription = Subscribe(resource, from, []);
            foreach (var change in _history)
            {
                if (change.ResourceVersion > from)
                {
                    subscription.Deliver(change);
                }
            }

            return subscription;
        }
    }

    /// <summary>Ends every subscription: open watches finish their responses cleanly.</summary>
    public void CloseWatches()
    {
        List<WatchSubscription> subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Dispose();
        }
    }

    public void Dispose()
    {
        CloseWatches();
        _persistence?.Dispose();
    }

    internal StoredObject? GetLocked(ObjectKey key) => _objects.GetValueOrDefault(key);

    internal IEnumerable<StoredObject> AllLocked() => [.. _objects.Values];

    internal StoredObject PutLocked(ObjectKey key, JsonObject obj)
    {
        var rv = ++_resourceVersion;
        SetResourceVersion(obj, rv);
        var stored = StoredObject.Create(key, rv, obj);
        _objects.TryGetValue(key, out var previous);
        _objects[key] = stored;
        _persistence?.Save(key, stored.Json, rv);
        Publish(new WatchEvent(previous is null ? WatchEventType.Added : WatchEventType.Modified, stored, previous));
        return stored;
    }

    internal StoredObject RemoveLocked(ObjectKey key, JsonObject finalState)
    {
        var rv = ++_resourceVersion;
        SetResourceVersion(finalState, rv);
        var stored = StoredObject.Create(key, rv, finalState);
        _objects.Remove(key, out var previous);
        _persistence?.Delete(key, rv);
        Publish(new WatchEvent(WatchEventType.Deleted, stored, previous));
        return stored;
    }

    private List<StoredObject> Select(ResourceId resource, string? ns) =>
    [
        .. _objects.Values
            .Where(o => o.Key.Resource == resource && (ns is null || o.Key.Namespace == ns))
            .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(o => o.Key.Name, StringComparer.Ordinal),
    ];

    private WatchSubscription Subscribe(ResourceId? resource, long start, IReadOnlyList<StoredObject> initial)
    {
        var subscription = new WatchSubscription(resource, start, _watchBacklogLimit, initial, Unsubscribe);
        _subscribers.Add(subscription);
        return subscription;
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private void Publish(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > _historyCapacity)
        {
            _compactedResourceVersion = _history.Dequeue().ResourceVersion;
        }

        foreach (var subscriber in _subscribers)
        {
            subscriber.Deliver(change);
        }
    }

    private static void SetResourceVersion(JsonObject obj, long rv)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        metadata["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
    }
}
