using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Segments, items and the chain's lifecycle: all live in the index.</summary>
internal sealed partial class ConfigMapChainLedger
{
    public async Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync(string rootUid, CancellationToken cancellationToken) =>
        (await RequireIndexAsync(rootUid, cancellationToken).ConfigureAwait(false)).Segments.OrderBy(s => s.Index).ToList();

    public Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, CancellationToken cancellationToken) =>
        UpdateIndexAsync(rootUid, index =>
        {
            var change = SegmentRules.Start(index.Chain, index.Segments, start, time.LedgerNow());
            return change.Changed ? (WithSegment(index, change.Value), change.Value) : (null, change.Value);
        }, cancellationToken);

    /// <summary>Start and first attempt in one index update.</summary>
    public Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, SegmentAttempt firstAttempt, CancellationToken cancellationToken) =>
        UpdateIndexAsync(rootUid, index =>
        {
            var started = SegmentRules.Start(index.Chain, index.Segments, start, time.LedgerNow());
            var attempted = SegmentRules.Attempt(index.Chain, started.Value, firstAttempt, time.LedgerNow());
            return started.Changed || attempted.Changed ? (WithSegment(index, attempted.Value), attempted.Value) : (null, attempted.Value);
        }, cancellationToken);

    public Task<SegmentRecord> RecordAttemptAsync(string rootUid, string segmentUid, SegmentAttempt attempt, CancellationToken cancellationToken) =>
        UpdateSegmentAsync(rootUid, segmentUid, (chain, segment) => SegmentRules.Attempt(chain, segment, attempt, time.LedgerNow()), cancellationToken);

    public Task<SegmentRecord> RecordCompletionAsync(string rootUid, string segmentUid, SegmentCompletion completion, CancellationToken cancellationToken) =>
        UpdateSegmentAsync(rootUid, segmentUid, (chain, segment) => SegmentRules.Complete(chain, segment, completion, time.LedgerNow()), cancellationToken);

    /// <summary>Items and completion in one index update; a repeat of the recorded completion writes nothing.</summary>
    public Task<SegmentRecord> RecordResultAsync(
        string rootUid, string segmentUid, SegmentCompletion completion, ChainItems? items, CancellationToken cancellationToken) =>
        UpdateIndexAsync(rootUid, index =>
        {
            var segment = index.Segments.FirstOrDefault(s => s.Uid == segmentUid)
                ?? throw new LedgerNotFoundException(rootUid, $"Segment '{segmentUid}' of chain '{rootUid}' was never started in the ledger.");
            var change = SegmentRules.Complete(index.Chain, segment, completion, time.LedgerNow());
            if (!change.Changed)
            {
                return (null, change.Value);
            }

            if (items is not null)
            {
                index = WithItems(index, items);
            }

            return (WithSegment(index, change.Value), change.Value);
        }, cancellationToken);

    public Task SaveItemsAsync(string rootUid, ChainItems items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return UpdateIndexAsync(rootUid, index =>
        {
            var saved = WithItems(index, items);
            return (saved with { Chain = saved.Chain with { UpdatedAt = time.LedgerNow() } }, true);
        }, cancellationToken);
    }

    /// <summary>The chain's items replaced (only while the chain is active), for every write that saves items.</summary>
    private static LedgerIndex WithItems(LedgerIndex index, ChainItems items)
    {
        ChainRules.RequireActive(index.Chain, "save items");
        return index with { Items = items };
    }

    public async Task<ChainItems> LoadItemsAsync(string rootUid, CancellationToken cancellationToken) =>
        (await RequireIndexAsync(rootUid, cancellationToken).ConfigureAwait(false)).Items;

    public async Task<ChainRecord> FinalizeChainAsync(string rootUid, CancellationToken cancellationToken)
    {
        var finalized = await UpdateChainAsync(rootUid, chain => ChainRules.Finalize(chain, time.LedgerNow()),
            index => index with { Files = [], Items = ChainItems.Empty, Released = new Dictionary<string, DateTimeOffset>(), Collecting = [] },
            cancellationToken).ConfigureAwait(false);
        await DeleteAllBlobsAsync(LedgerNaming.ChainKey(rootUid), cancellationToken).ConfigureAwait(false);
        return finalized;
    }

    public async Task<ChainRecord> AbandonChainAsync(string rootUid, string reason, CancellationToken cancellationToken)
    {
        var abandoned = await UpdateChainAsync(rootUid, chain => ChainRules.Abandon(chain, reason, time.LedgerNow()),
            index => index with { Files = [], Items = ChainItems.Empty, Released = new Dictionary<string, DateTimeOffset>(), Collecting = [] },
            cancellationToken).ConfigureAwait(false);
        await DeleteAllBlobsAsync(LedgerNaming.ChainKey(rootUid), cancellationToken).ConfigureAwait(false);
        return abandoned;
    }

    private Task<SegmentRecord> UpdateSegmentAsync(
        string rootUid, string segmentUid, Func<ChainRecord, SegmentRecord, Change<SegmentRecord>> decide, CancellationToken cancellationToken) =>
        UpdateIndexAsync(rootUid, index =>
        {
            var segment = index.Segments.FirstOrDefault(s => s.Uid == segmentUid)
                ?? throw new LedgerNotFoundException(rootUid, $"Segment '{segmentUid}' of chain '{rootUid}' was never started in the ledger.");
            var change = decide(index.Chain, segment);
            return change.Changed ? (WithSegment(index, change.Value), change.Value) : (null, change.Value);
        }, cancellationToken);

    private LedgerIndex WithSegment(LedgerIndex index, SegmentRecord segment) => index with
    {
        // A replacement (SegmentRules.Start) takes the replaced segment's place: that record goes.
        Segments = index.Segments.Where(s => s.Uid != segment.Uid && s.Uid != segment.Start.Replaces).Append(segment).OrderBy(s => s.Index).ToList(),
        Chain = index.Chain with { UpdatedAt = time.LedgerNow() },
    };

    private async Task<int> DeleteAllBlobsAsync(string chainKey, CancellationToken cancellationToken)
    {
        var blobs = await store.ListAsync(LedgerNaming.BlobsOf(chainKey), includeData: false, cancellationToken).ConfigureAwait(false);
        foreach (var blob in blobs)
        {
            await store.DeleteAsync(blob.Name, null, cancellationToken).ConfigureAwait(false);
        }

        return blobs.Count;
    }
}
