using Microsoft.Extensions.Logging;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// The ledger over ConfigMaps: one index ConfigMap per chain plus content-addressed, gzip'd blob ConfigMaps. Every
/// change is a read-modify-replace of the index with a resourceVersion precondition, retried when it lost a race to a
/// write it does not contradict; blobs are always written before the index that references them (docs/ledger.md).
/// </summary>
internal sealed partial class ConfigMapChainLedger(IConfigMapStore store, LedgerOptions options, ConfigMapLedgerOptions limits, TimeProvider time, ILogger logger) : IChainLedger
{
    public async Task<ChainRecord> CreateChainAsync(NewChain chain, CancellationToken cancellationToken)
    {
        var fresh = ChainRules.Create(null, chain, time.LedgerNow()).Value;
        try
        {
            await store.CreateAsync(IndexCodec.ToConfigMap(LedgerIndex.For(fresh), null, limits.MaxIndexBytes), cancellationToken).ConfigureAwait(false);
            return fresh;
        }
        catch (ConfigMapAlreadyExistsException)
        {
            var existing = await ReadIndexAsync(chain.RootUid, cancellationToken).ConfigureAwait(false) ?? throw NotFound(chain.RootUid);
            return ChainRules.Create(existing.Index.Chain, chain, time.LedgerNow()).Value;
        }
    }

    public async Task<ChainRecord?> GetChainAsync(string rootUid, CancellationToken cancellationToken) =>
        (await ReadIndexAsync(rootUid, cancellationToken).ConfigureAwait(false))?.Index.Chain;

    public async Task<IReadOnlyList<ChainRecord>> ListChainsAsync(ChainQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var indexes = await store.ListAsync(LedgerNaming.AllIndexes, includeData: true, cancellationToken).ConfigureAwait(false);
        return indexes.Select(IndexCodec.FromConfigMap).Select(index => index.Chain)
            .Where(query.Matches)
            .OrderBy(chain => chain.CreatedAt).ThenBy(chain => chain.RootUid, StringComparer.Ordinal)
            .ToList();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(LedgerIndex Index, ConfigMapObject Stored)?> ReadIndexAsync(string rootUid, CancellationToken cancellationToken)
    {
        var configMap = await store.GetAsync(LedgerNaming.IndexName(rootUid), cancellationToken).ConfigureAwait(false);
        return configMap is null ? null : (IndexCodec.FromConfigMap(configMap), configMap);
    }

    private async Task<LedgerIndex> RequireIndexAsync(string rootUid, CancellationToken cancellationToken) =>
        (await ReadIndexAsync(rootUid, cancellationToken).ConfigureAwait(false))?.Index ?? throw NotFound(rootUid);

    /// <summary>Read, decide, replace with the read resourceVersion; on a lost race decide again on the new index.
    /// <paramref name="decide"/> returns null when nothing changes.</summary>
    private Task<T> UpdateIndexAsync<T>(string rootUid, Func<LedgerIndex, (LedgerIndex? Updated, T Result)> decide, CancellationToken cancellationToken) =>
        UpdateIndexAsync(rootUid, index => Task.FromResult(decide(index)), cancellationToken);

    private async Task<T> UpdateIndexAsync<T>(string rootUid, Func<LedgerIndex, Task<(LedgerIndex? Updated, T Result)>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < limits.MaxIndexRetries; attempt++)
        {
            var (index, stored) = await ReadIndexAsync(rootUid, cancellationToken).ConfigureAwait(false) ?? throw NotFound(rootUid);
            var (updated, result) = await decide(index).ConfigureAwait(false);
            if (updated is null)
            {
                return result;
            }

            try
            {
                // A PUT replaces the whole object: carry over annotations others set, or the ledger would erase them.
                var replacement = IndexCodec.ToConfigMap(updated, stored.ResourceVersion, limits.MaxIndexBytes) with { Annotations = stored.Annotations };
                await store.ReplaceAsync(replacement, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (ConfigMapConflictException)
            {
                // Another writer changed the index since we read it; decide again on what it wrote.
                logger.IndexRaceLost(rootUid, attempt + 1);
            }
        }

        throw new LedgerConflictException(rootUid,
            $"The ledger index of chain '{rootUid}' kept changing under {limits.MaxIndexRetries} attempts to update it; retry later.");
    }

    private Task<ChainRecord> UpdateChainAsync(string rootUid, Func<ChainRecord, Change<ChainRecord>> decide, Func<LedgerIndex, LedgerIndex> onChange, CancellationToken cancellationToken) =>
        UpdateIndexAsync(rootUid, index =>
        {
            var change = decide(index.Chain);
            return change.Changed ? (onChange(index with { Chain = change.Value }), change.Value) : (null, change.Value);
        }, cancellationToken);

    private static LedgerNotFoundException NotFound(string rootUid) =>
        new(rootUid, $"Chain '{rootUid}' is not in the ledger (never created, or collected after its retention period).");
}
