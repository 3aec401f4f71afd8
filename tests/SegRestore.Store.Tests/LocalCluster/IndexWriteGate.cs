using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>Passes everything to the real store, but holds a writer's first index replace at a rendezvous: every
/// racing writer has read the same index version before any of them writes it.</summary>
public sealed class IndexWriteGate(IConfigMapStore inner, Rendezvous rendezvous) : IConfigMapStore
{
    private int _held;
    private int _conflicts;

    /// <summary>How many replaces the server refused with 409 (the adapter's <see cref="ConfigMapConflictException"/>).</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    public Task<ConfigMapObject?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

    public Task<ConfigMapObject> CreateAsync(ConfigMapObject configMap, CancellationToken cancellationToken) =>
        inner.CreateAsync(configMap, cancellationToken);

    public async Task<ConfigMapObject> ReplaceAsync(ConfigMapObject configMap, CancellationToken cancellationToken)
    {
        if (configMap.Name.StartsWith("segrestore-ledger-", StringComparison.Ordinal) && Interlocked.Exchange(ref _held, 1) == 0)
        {
            await rendezvous.ArriveAndWaitAsync();
        }

        try
        {
            return await inner.ReplaceAsync(configMap, cancellationToken);
        }
        catch (ConfigMapConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task DeleteAsync(string name, string? resourceVersion, CancellationToken cancellationToken) =>
        inner.DeleteAsync(name, resourceVersion, cancellationToken);

    public Task<IReadOnlyList<ConfigMapObject>> ListAsync(IReadOnlyDictionary<string, string> labels, bool includeData, CancellationToken cancellationToken) =>
        inner.ListAsync(labels, includeData, cancellationToken);
}
