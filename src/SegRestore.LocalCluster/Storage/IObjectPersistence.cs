namespace SegRestore.LocalCluster.Storage;

/// <summary>Durable storage behind the in-memory store: written through on every commit, read once at start.</summary>
public interface IObjectPersistence : IDisposable
{
    /// <summary>The last committed resourceVersion, 0 when empty.</summary>
    long LoadResourceVersion();

    IEnumerable<(ObjectKey Key, string Json)> LoadObjects();

    void Save(ObjectKey key, string json, long resourceVersion);

    void Delete(ObjectKey key, long resourceVersion);
}
