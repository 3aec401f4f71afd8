using Microsoft.Extensions.Logging;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// Garbage collection. Blobs are deleted in two steps: first the index lists them under Collecting (a replace with
/// a resourceVersion precondition, so it is ordered against every commit), then they are deleted, then the list is
/// cleared. A writer that based its commit on an index without that mark fails its own index write; a writer that
/// reads the mark refuses to rely on those chunks; a writer that reads the index after the mark was cleared finds
/// the blob gone in its presence check. So no committed file ever points at a deleted blob.
/// </summary>
internal sealed partial class ConfigMapChainLedger
{
    public async Task<GarbageReport> CollectGarbageAsync(CancellationToken cancellationToken)
    {
        var now = time.LedgerNow();
        var removedChains = new List<string>();
        var removedBlobs = 0;
        var indexes = (await store.ListAsync(LedgerNaming.AllIndexes, includeData: true, cancellationToken).ConfigureAwait(false))
            .Select(configMap => (ConfigMap: configMap, Index: IndexCodec.FromConfigMap(configMap)))
            .ToList();
        foreach (var (configMap, index) in indexes)
        {
            var rootUid = index.Chain.RootUid;
            if (ChainRules.IsExpired(index.Chain, options.Retention, now))
            {
                try
                {
                    await store.DeleteAsync(configMap.Name, configMap.ResourceVersion, cancellationToken).ConfigureAwait(false);
                }
                catch (ConfigMapConflictException)
                {
                    logger.CollectionDeferred(rootUid);
                    continue;
                }

                removedBlobs += await DeleteAllBlobsAsync(LedgerNaming.ChainKey(rootUid), cancellationToken).ConfigureAwait(false);
                removedChains.Add(rootUid);
            }
            else
            {
                removedBlobs += await CollectChainBlobsAsync(rootUid, now, cancellationToken).ConfigureAwait(false);
            }
        }

        var remaining = indexes.Select(i => i.Index.Chain.RootUid).Except(removedChains).Select(LedgerNaming.ChainKey);
        removedBlobs += await CollectBlobsWithoutIndexAsync(remaining, now, cancellationToken).ConfigureAwait(false);
        logger.Collected(removedChains.Count, removedBlobs);
        return new GarbageReport(removedChains, removedBlobs);
    }

    private async Task<int> CollectChainBlobsAsync(string rootUid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blobs = await store.ListAsync(LedgerNaming.BlobsOf(LedgerNaming.ChainKey(rootUid)), includeData: false, cancellationToken).ConfigureAwait(false);
        var stored = blobs.Select(b => LedgerNaming.ChunkOf(b.Name)).ToHashSet(StringComparer.Ordinal);
        var marked = await UpdateIndexAsync<IReadOnlyList<string>>(rootUid, index =>
        {
            var chosen = GarbagePlanner.ChunksToCollect(index, blobs.Select(b => (LedgerNaming.ChunkOf(b.Name), b.CreationTimestamp)), now, options.OrphanGrace);
            if (chosen.Count == 0)
            {
                return (null, index.Collecting);
            }

            var collecting = index.Collecting.Union(chosen, StringComparer.Ordinal).ToList();
            var released = index.Released.Where(pair => !chosen.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value);
            return (index with { Collecting = collecting, Released = released }, collecting);
        }, cancellationToken).ConfigureAwait(false);
        if (marked.Count == 0)
        {
            return 0;
        }

        foreach (var chunk in marked)
        {
            await store.DeleteAsync(LedgerNaming.BlobName(rootUid, chunk), null, cancellationToken).ConfigureAwait(false);
        }

        await UpdateIndexAsync(rootUid, index =>
            (index with { Collecting = index.Collecting.Except(marked, StringComparer.Ordinal).ToList() }, true), cancellationToken).ConfigureAwait(false);
        return marked.Count(stored.Contains);
    }

    /// <summary>Blobs whose chain has no index (a GC pass that died between deleting an index and its blobs).
    /// Commits read the index before uploading, so no live writer produces such blobs; the grace is extra care.</summary>
    private async Task<int> CollectBlobsWithoutIndexAsync(IEnumerable<string> indexedChainKeys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = indexedChainKeys.ToHashSet(StringComparer.Ordinal);
        var blobs = await store.ListAsync(LedgerNaming.AllBlobs, includeData: false, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var blob in blobs.Where(b => b.Labels.TryGetValue(LedgerNaming.ChainLabel, out var key) && !known.Contains(key)))
        {
            if (blob.CreationTimestamp is { } created && created + options.OrphanGrace <= now)
            {
                await store.DeleteAsync(blob.Name, null, cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }

        return removed;
    }
}
