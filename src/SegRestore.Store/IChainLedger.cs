using SegRestore.Store.Model;

namespace SegRestore.Store;

/// <summary>
/// The chain ledger: the source of truth for a chain until its last segment finalizes. Every write is idempotent
/// (the same record twice is a no-op) and a contradicting write raises <see cref="Errors.LedgerConflictException"/>.
/// Implementations: SQL (PostgreSQL, SQLite) and ConfigMaps.
/// </summary>
public interface IChainLedger : IAsyncDisposable
{
    /// <summary>Creates the chain, or returns the existing one when created before with equal values.</summary>
    Task<ChainRecord> CreateChainAsync(NewChain chain, CancellationToken cancellationToken);

    /// <summary>The chain, or null when the ledger does not know it (never created, or collected).</summary>
    Task<ChainRecord?> GetChainAsync(string rootUid, CancellationToken cancellationToken);

    /// <summary>Chains matching the query, ordered by creation time.</summary>
    Task<IReadOnlyList<ChainRecord>> ListChainsAsync(ChainQuery query, CancellationToken cancellationToken);

    /// <summary>Segments of the chain ordered by index.</summary>
    Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync(string rootUid, CancellationToken cancellationToken);

    Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, CancellationToken cancellationToken);

    /// <summary>The segment's start together with its first attempt, as <see cref="RecordSegmentStartAsync(string, SegmentStart, CancellationToken)"/>
    /// then <see cref="RecordAttemptAsync"/>; the ConfigMap ledger writes both in one index update. Idempotent like both.</summary>
    Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, SegmentAttempt firstAttempt, CancellationToken cancellationToken);

    Task<SegmentRecord> RecordAttemptAsync(
        string rootUid, string segmentUid, SegmentAttempt attempt, CancellationToken cancellationToken);

    Task<SegmentRecord> RecordCompletionAsync(
        string rootUid, string segmentUid, SegmentCompletion completion, CancellationToken cancellationToken);

    /// <summary>
    /// A worker's result: the items it decoded (when not null; they replace the chain's, as
    /// <see cref="SaveItemsAsync"/>) and the completion, in that order of meaning: once the completion is recorded the
    /// controller may finalize the chain, which drops items. The ConfigMap ledger writes both in one index update.
    /// A repeat of a recorded completion changes nothing, its items included.
    /// </summary>
    Task<SegmentRecord> RecordResultAsync(
        string rootUid, string segmentUid, SegmentCompletion completion, ChainItems? items, CancellationToken cancellationToken);

    /// <summary>The committed checkpoint files (metadata only).</summary>
    Task<CheckpointSnapshot> GetCheckpointAsync(string rootUid, CancellationToken cancellationToken);

    /// <summary>Commits puts and deletes as one new generation and returns its number. Raises
    /// <see cref="Errors.GenerationConflictException"/> when the current generation is not the expected one.</summary>
    Task<long> CommitCheckpointAsync(string rootUid, CheckpointCommit commit, CancellationToken cancellationToken);

    /// <summary>A stream over one committed file, read chunk by chunk and verified (sha256, size) before any byte of a
    /// chunk is returned; a failed check raises <see cref="Errors.LedgerCorruptionException"/>.</summary>
    Task<Stream> OpenCheckpointFileAsync(string rootUid, string path, CancellationToken cancellationToken);

    /// <summary>Replaces the decoded items of the chain.</summary>
    Task SaveItemsAsync(string rootUid, ChainItems items, CancellationToken cancellationToken);

    Task<ChainItems> LoadItemsAsync(string rootUid, CancellationToken cancellationToken);

    /// <summary>Marks the chain finalized and drops its files and items; the summary stays for the retention period.</summary>
    Task<ChainRecord> FinalizeChainAsync(string rootUid, CancellationToken cancellationToken);

    /// <summary>Marks the chain abandoned and drops its files and items (nothing can resume it); no further writes are
    /// accepted; the record is kept for inspection until the retention period ends.</summary>
    Task<ChainRecord> AbandonChainAsync(string rootUid, string reason, CancellationToken cancellationToken);

    /// <summary>Removes finalized/abandoned chains past retention and unreferenced blobs past the orphan grace.</summary>
    Task<GarbageReport> CollectGarbageAsync(CancellationToken cancellationToken);
}
