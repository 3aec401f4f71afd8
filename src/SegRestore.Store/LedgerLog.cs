using Microsoft.Extensions.Logging;

namespace SegRestore.Store;

/// <summary>The ledger's log messages (source-generated; structured, no secrets: chain uids, counts, reasons).</summary>
internal static partial class LedgerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Committed checkpoint generation {Generation} of chain {ChainUid}: {Puts} files ({Bytes} bytes) written, {Deletes} deleted")]
    public static partial void Committed(this ILogger logger, long generation, string chainUid, int puts, long bytes, int deletes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint commit to chain {ChainUid} refused: {Reason}")]
    public static partial void CommitRefused(this ILogger logger, string chainUid, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger garbage collection removed {Chains} chains past retention and {Blobs} blobs")]
    public static partial void Collected(this ILogger logger, int chains, int blobs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied ledger schema migration {Version} ({Description}) on {Engine}")]
    public static partial void Migrated(this ILogger logger, int version, string description, string engine);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger index of chain {ChainUid} changed under attempt {Attempt}; deciding again")]
    public static partial void IndexRaceLost(this ILogger logger, string chainUid, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger index of chain {ChainUid} changed during garbage collection; collecting it next pass")]
    public static partial void CollectionDeferred(this ILogger logger, string chainUid);
}
