using System.Security.Cryptography;
using System.Text;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Names and labels of the ledger's ConfigMaps. A chain is keyed by a hash of its root uid so that names
/// and label values are always valid whatever the uid holds.</summary>
public static class LedgerNaming
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "segrestore";
    public const string KindLabel = "segrestore.io/ledger-kind";
    public const string ChainLabel = "segrestore.io/ledger-chain";
    public const string StateLabel = "segrestore.io/ledger-state";
    public const string IndexKind = "index";
    public const string BlobKind = "blob";
    public const string IndexKey = "index.json";
    public const string BlobKey = "chunk.gz";

    /// <summary>32 hex characters derived from the root uid.</summary>
    public static string ChainKey(string rootUid) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rootUid)))[..32];

    public static string IndexName(string rootUid) => $"segrestore-ledger-{ChainKey(rootUid)}";

    /// <summary>Content-addressed: the same chunk of the same chain always has the same name.</summary>
    public static string BlobName(string rootUid, string chunkSha256) => $"segrestore-blob-{ChainKey(rootUid)}-{chunkSha256}";

    public static IReadOnlyDictionary<string, string> IndexLabels(string rootUid, string state) => new Dictionary<string, string>
    {
        [ManagedByLabel] = ManagedBy,
        [KindLabel] = IndexKind,
        [ChainLabel] = ChainKey(rootUid),
        [StateLabel] = state,
    };

    public static IReadOnlyDictionary<string, string> BlobLabels(string rootUid) => new Dictionary<string, string>
    {
        [ManagedByLabel] = ManagedBy,
        [KindLabel] = BlobKind,
        [ChainLabel] = ChainKey(rootUid),
    };

    public static IReadOnlyDictionary<string, string> AllIndexes { get; } = new Dictionary<string, string>
    {
        [ManagedByLabel] = ManagedBy,
        [KindLabel] = IndexKind,
    };

    public static IReadOnlyDictionary<string, string> AllBlobs { get; } = new Dictionary<string, string>
    {
        [ManagedByLabel] = ManagedBy,
        [KindLabel] = BlobKind,
    };

    public static IReadOnlyDictionary<string, string> BlobsOf(string chainKey) => new Dictionary<string, string>
    {
        [ManagedByLabel] = ManagedBy,
        [KindLabel] = BlobKind,
        [ChainLabel] = chainKey,
    };

    /// <summary>The chunk sha256 at the end of a blob name.</summary>
    public static string ChunkOf(string blobName) => blobName[(blobName.LastIndexOf('-') + 1)..];
}
