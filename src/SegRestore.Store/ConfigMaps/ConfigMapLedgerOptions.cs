namespace SegRestore.Store.ConfigMaps;

/// <summary>Limits of the ConfigMap ledger.</summary>
public sealed record ConfigMapLedgerOptions
{
    /// <summary>Raw bytes per blob before gzip; chosen so that even incompressible data stays under
    /// <see cref="MaxBlobBytes"/> after gzip's framing.</summary>
    public const int ChunkBytes = 896 * 1024;

    /// <summary>Most gzip bytes one blob ConfigMap holds (the API server's limit is 1 MiB per ConfigMap).</summary>
    public const int MaxBlobBytes = 900 * 1024;

    /// <summary>Most bytes of the index document (segments, items, file list) in its ConfigMap.</summary>
    public int MaxIndexBytes { get; init; } = 900 * 1024;

    /// <summary>Most raw bytes of checkpoint files one chain may hold.</summary>
    public long MaxChainBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How often a read-modify-write of the index is retried after losing a resourceVersion race to a
    /// write that does not contradict it (another segment update, a GC pass).</summary>
    public int MaxIndexRetries { get; init; } = 20;

    public static ConfigMapLedgerOptions Default { get; } = new();
}
