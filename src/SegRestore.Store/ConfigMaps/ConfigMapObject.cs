namespace SegRestore.Store.ConfigMaps;

/// <summary>The parts of a ConfigMap the ledger uses. <paramref name="ResourceVersion"/> is the optimistic-concurrency
/// token: a replace carrying it succeeds only when the stored object still has it. <paramref name="CreationTimestamp"/>
/// is set by the server.</summary>
public sealed record ConfigMapObject(
    string Name,
    string? ResourceVersion,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, byte[]> BinaryData,
    DateTimeOffset? CreationTimestamp = null)
{
    /// <summary>Annotations are not the ledger's: it writes none, but keeps what others (an administrator, a backup
    /// tool) put on its index when it replaces it.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>What the API server counts against its 1 MiB ConfigMap limit: the bytes of data and binaryData.</summary>
    public long PayloadBytes =>
        Data.Sum(pair => (long)pair.Key.Length + System.Text.Encoding.UTF8.GetByteCount(pair.Value)) +
        BinaryData.Sum(pair => (long)pair.Key.Length + pair.Value.Length);
}
