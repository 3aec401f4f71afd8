using System.Globalization;
using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.CrashWriter;

/// <summary>
/// A test double for one namespace's ConfigMaps with the API server's semantics that the ledger relies on:
/// resourceVersion preconditions (409 on mismatch), AlreadyExists on create, a server-set creationTimestamp, the
/// 1 MiB payload limit, and copies in and out (no aliasing). <see cref="BeforeWrite"/> lets a test fail or
/// interleave between a writer's steps.
/// </summary>
public sealed class InMemoryConfigMapStore(TimeProvider time) : IConfigMapStore
{
    public const long MaxPayloadBytes = 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConfigMapObject> _objects = new(StringComparer.Ordinal);
    private long _resourceVersion;

    /// <summary>Called before every create, replace and delete with the operation and the name.</summary>
    public Func<string, string, Task>? BeforeWrite { get; set; }

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

    public Task<ConfigMapObject?> GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_objects.TryGetValue(name, out var found) ? Copy(found, includeData: true) : null);
        }
    }

    public async Task<ConfigMapObject> CreateAsync(ConfigMapObject configMap, CancellationToken cancellationToken)
    {
        await InterceptAsync("create", configMap.Name);
        RequireWithinLimit(configMap);
        lock (_lock)
        {
            if (_objects.ContainsKey(configMap.Name))
            {
                throw new ConfigMapAlreadyExistsException($"configmaps \"{configMap.Name}\" already exists");
            }

            var stored = Copy(configMap, includeData: true) with { ResourceVersion = NextVersion(), CreationTimestamp = time.GetUtcNow() };
            _objects[configMap.Name] = stored;
            return Copy(stored, includeData: true);
        }
    }

    public async Task<ConfigMapObject> ReplaceAsync(ConfigMapObject configMap, CancellationToken cancellationToken)
    {
        await InterceptAsync("replace", configMap.Name);
        RequireWithinLimit(configMap);
        lock (_lock)
        {
            if (!_objects.TryGetValue(configMap.Name, out var current) || current.ResourceVersion != configMap.ResourceVersion)
            {
                throw new ConfigMapConflictException($"Operation cannot be fulfilled on configmaps \"{configMap.Name}\": the object has been modified");
            }

            var stored = Copy(configMap, includeData: true) with { ResourceVersion = NextVersion(), CreationTimestamp = current.CreationTimestamp };
            _objects[configMap.Name] = stored;
            return Copy(stored, includeData: true);
        }
    }

    public async Task DeleteAsync(string name, string? resourceVersion, CancellationToken cancellationToken)
    {
        await InterceptAsync("delete", name);
        lock (_lock)
        {
            if (!_objects.TryGetValue(name, out var current))
            {
                return;
            }

            if (resourceVersion is not null && current.ResourceVersion != resourceVersion)
            {
                throw new ConfigMapConflictException($"Precondition failed: configmaps \"{name}\" has a newer resourceVersion");
            }

            _objects.Remove(name);
        }
    }

    public Task<IReadOnlyList<ConfigMapObject>> ListAsync(IReadOnlyDictionary<string, string> labels, bool includeData, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ConfigMapObject> matching = _objects.Values
                .Where(o => labels.All(l => o.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
                .OrderBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => Copy(o, includeData))
                .ToList();
            return Task.FromResult(matching);
        }
    }

    /// <summary>Flips a byte in the middle of a binaryData value, bypassing every check (disk rot, a bad edit).</summary>
    public void FlipByte(string name, string key)
    {
        lock (_lock)
        {
            var data = _objects[name].BinaryData[key];
            data[data.Length / 2] ^= 0xff;
        }
    }

    public IReadOnlyList<ConfigMapObject> Snapshot()
    {
        lock (_lock)
        {
            return _objects.Values.Select(o => Copy(o, includeData: true)).ToList();
        }
    }

    private Task InterceptAsync(string operation, string name) => BeforeWrite?.Invoke(operation, name) ?? Task.CompletedTask;

    private static void RequireWithinLimit(ConfigMapObject configMap)
    {
        if (configMap.PayloadBytes > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"ConfigMap \"{configMap.Name}\" is invalid: []: Too long: must have at most {MaxPayloadBytes} bytes");
        }
    }

    private string NextVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    private static ConfigMapObject Copy(ConfigMapObject source, bool includeData) => source with
    {
        Labels = new Dictionary<string, string>(source.Labels),
        Annotations = new Dictionary<string, string>(source.Annotations),
        Data = includeData ? new Dictionary<string, string>(source.Data) : new Dictionary<string, string>(),
        BinaryData = includeData ? source.BinaryData.ToDictionary(p => p.Key, p => p.Value.ToArray()) : new Dictionary<string, byte[]>(),
    };
}
