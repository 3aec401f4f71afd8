using SegRestore.Store;
using SegRestore.Store.Hosting;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Hosting;

/// <summary>
/// The configured ledger as an <see cref="IChainLedger"/> for consumers that take one (the reporter): each call opens
/// it through <see cref="IChainLedgerProvider"/> first (a no-op once open), so a database that is still starting
/// fails the call, not the host.
/// </summary>
public sealed class ProvidedChainLedger(IChainLedgerProvider provider) : IChainLedger
{
    public async Task<ChainRecord> CreateChainAsync(NewChain chain, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).CreateChainAsync(chain, cancellationToken).ConfigureAwait(false);

    public async Task<ChainRecord?> GetChainAsync(string rootUid, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).GetChainAsync(rootUid, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ChainRecord>> ListChainsAsync(ChainQuery query, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).ListChainsAsync(query, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync(string rootUid, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).ListSegmentsAsync(rootUid, cancellationToken).ConfigureAwait(false);

    public async Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).RecordSegmentStartAsync(rootUid, start, cancellationToken).ConfigureAwait(false);

    public async Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, SegmentAttempt firstAttempt, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).RecordSegmentStartAsync(rootUid, start, firstAttempt, cancellationToken).ConfigureAwait(false);

    public async Task<SegmentRecord> RecordAttemptAsync(string rootUid, string segmentUid, SegmentAttempt attempt, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).RecordAttemptAsync(rootUid, segmentUid, attempt, cancellationToken).ConfigureAwait(false);

    public async Task<SegmentRecord> RecordCompletionAsync(string rootUid, string segmentUid, SegmentCompletion completion, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).RecordCompletionAsync(rootUid, segmentUid, completion, cancellationToken).ConfigureAwait(false);

    public async Task<SegmentRecord> RecordResultAsync(string rootUid, string segmentUid, SegmentCompletion completion, ChainItems? items, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).RecordResultAsync(rootUid, segmentUid, completion, items, cancellationToken).ConfigureAwait(false);

    public async Task<CheckpointSnapshot> GetCheckpointAsync(string rootUid, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).GetCheckpointAsync(rootUid, cancellationToken).ConfigureAwait(false);

    public async Task<long> CommitCheckpointAsync(string rootUid, CheckpointCommit commit, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).CommitCheckpointAsync(rootUid, commit, cancellationToken).ConfigureAwait(false);

    public async Task<Stream> OpenCheckpointFileAsync(string rootUid, string path, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).OpenCheckpointFileAsync(rootUid, path, cancellationToken).ConfigureAwait(false);

    public async Task SaveItemsAsync(string rootUid, ChainItems items, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).SaveItemsAsync(rootUid, items, cancellationToken).ConfigureAwait(false);

    public async Task<ChainItems> LoadItemsAsync(string rootUid, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).LoadItemsAsync(rootUid, cancellationToken).ConfigureAwait(false);

    public async Task<ChainRecord> FinalizeChainAsync(string rootUid, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).FinalizeChainAsync(rootUid, cancellationToken).ConfigureAwait(false);

    public async Task<ChainRecord> AbandonChainAsync(string rootUid, string reason, CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).AbandonChainAsync(rootUid, reason, cancellationToken).ConfigureAwait(false);

    public async Task<GarbageReport> CollectGarbageAsync(CancellationToken cancellationToken) =>
        await (await Open(cancellationToken).ConfigureAwait(false)).CollectGarbageAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The provider owns the ledger and disposes it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ValueTask<IChainLedger> Open(CancellationToken cancellationToken) => provider.GetLedgerAsync(cancellationToken);
}
