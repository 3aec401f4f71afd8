using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Storage;

/// <summary>Reads and writes inside the store's lock: every write gets the next global resourceVersion (written
/// into <c>metadata.resourceVersion</c>) and becomes a watch event.</summary>
public sealed class StoreTransaction
{
    private readonly ObjectStore _store;

    internal StoreTransaction(ObjectStore store) => _store = store;

    public StoredObject? Get(ObjectKey key) => _store.GetLocked(key);

    public IEnumerable<StoredObject> All() => _store.AllLocked();

    /// <summary>Creates or replaces the object; returns the committed snapshot.</summary>
    public StoredObject Put(ObjectKey key, JsonObject obj) => _store.PutLocked(key, obj);

    /// <summary>Removes the object; <paramref name="finalState"/> is what the DELETED event carries.</summary>
    public StoredObject Remove(ObjectKey key, JsonObject finalState) => _store.RemoveLocked(key, finalState);
}
