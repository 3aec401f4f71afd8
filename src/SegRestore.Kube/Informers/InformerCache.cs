using k8s;
using k8s.Models;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Informers;

/// <summary>
/// The informer's local copy of the watched objects, safe for concurrent readers, with an index by label
/// (<see cref="ListByLabel"/>) so that owners find their owned objects without a scan.
/// </summary>
public sealed class InformerCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, TEntity> _objects = [];
    private readonly Dictionary<(string Key, string Value), HashSet<ObjectKey>> _byLabel = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _objects.Count;
            }
        }
    }

    public TEntity? Get(ObjectKey key)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<TEntity> List()
    {
        lock (_lock)
        {
            return [.. _objects.Values];
        }
    }

    public IReadOnlyList<TEntity> ListByLabel(string labelKey, string labelValue)
    {
        lock (_lock)
        {
            return _byLabel.TryGetValue((labelKey, labelValue), out var keys) ? [.. keys.Select(k => _objects[k])] : [];
        }
    }

    /// <summary>Stores the object and returns the one it replaced, if any.</summary>
    public TEntity? Upsert(TEntity entity)
    {
        lock (_lock)
        {
            return UpsertLocked(entity);
        }
    }

    public TEntity? Remove(ObjectKey key)
    {
        lock (_lock)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>
    /// Makes the cache equal to a fresh list (client-go's <c>Replace</c>) and returns what changed, including the
    /// objects that vanished while the watch was down: they get synthetic deletes.
    /// </summary>
    public CacheReplacement<TEntity> Replace(IEnumerable<TEntity> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var added = new List<TEntity>();
        var modified = new List<TEntity>();
        var fresh = new HashSet<ObjectKey>();
        lock (_lock)
        {
            foreach (var item in items)
            {
                fresh.Add(ObjectKey.Of(item));
                var previous = UpsertLocked(item);
                if (previous is null)
                {
                    added.Add(item);
                }
                else if (previous.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                {
                    modified.Add(item);
                }
            }

            var deleted = _objects.Keys.Where(k => !fresh.Contains(k)).ToList()
                .Select(RemoveLocked).OfType<TEntity>().ToList();
            return new CacheReplacement<TEntity>(added, modified, deleted);
        }
    }

    private TEntity? UpsertLocked(TEntity entity)
    {
        var key = ObjectKey.Of(entity);
        var previous = RemoveLocked(key);
        _objects[key] = entity;
        foreach (var label in entity.Metadata.Labels ?? new Dictionary<string, string>())
        {
            if (!_byLabel.TryGetValue((label.Key, label.Value), out var keys))
            {
                _byLabel[(label.Key, label.Value)] = keys = [];
            }

            keys.Add(key);
        }

        return previous;
    }

    private TEntity? RemoveLocked(ObjectKey key)
    {
        if (!_objects.Remove(key, out var previous))
        {
            return null;
        }

        foreach (var label in previous.Metadata.Labels ?? new Dictionary<string, string>())
        {
            if (_byLabel.TryGetValue((label.Key, label.Value), out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                _byLabel.Remove((label.Key, label.Value));
            }
        }

        return previous;
    }
}
