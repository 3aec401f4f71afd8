using Microsoft.Extensions.Logging;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;
using SegRestore.Store.Streams;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Checkpoint files: blobs first, then the index with a resourceVersion precondition.</summary>
internal sealed partial class ConfigMapChainLedger
{
    public async Task<CheckpointSnapshot> GetCheckpointAsync(string rootUid, CancellationToken cancellationToken)
    {
        var index = await RequireIndexAsync(rootUid, cancellationToken).ConfigureAwait(false);
        return new CheckpointSnapshot(index.Chain.Generation, index.Files.Select(f => f.Info).ToList());
    }

    public async Task<long> CommitCheckpointAsync(string rootUid, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        CheckpointCommitRules.Validate(commit);
        var baseIndex = await RequireIndexAsync(rootUid, cancellationToken).ConfigureAwait(false);
        CheckpointCommitRules.RequireCommittable(baseIndex.Chain, commit.ExpectedGeneration);

        var replaced = commit.Deletes.Concat(commit.Puts.Select(p => p.Path)).ToHashSet(StringComparer.Ordinal);
        var bytesKept = baseIndex.Files.Where(f => !replaced.Contains(f.Path)).Sum(f => f.Size);
        var uploader = new ConfigMapBlobUploader(store, rootUid, baseIndex, limits.MaxChainBytes, bytesKept);
        var newFiles = new List<IndexedFile>();
        foreach (var put in commit.Puts)
        {
            newFiles.Add(await uploader.UploadAsync(put, cancellationToken).ConfigureAwait(false));
        }

        var generation = await UpdateIndexAsync(rootUid, async index =>
        {
            var updated = CommitPlanner.Apply(index, commit.ExpectedGeneration, commit.Deletes, newFiles, time.LedgerNow());
            await RequireBlobsPresentAsync(rootUid, index, newFiles, cancellationToken).ConfigureAwait(false);
            return ((LedgerIndex?)updated, updated.Chain.Generation);
        }, cancellationToken).ConfigureAwait(false);
        var bytesWritten = newFiles.Sum(f => f.Size);
        logger.Committed(generation, rootUid, newFiles.Count, bytesWritten, commit.Deletes.Count);
        return generation;
    }

    /// <summary>
    /// Checked after reading the index version the commit will be written against: every new chunk that version
    /// does not reference must exist. A GC pass that deletes one of them afterwards must first mark it in the index,
    /// which changes the resourceVersion and fails this commit's write; so a committed file never points at a
    /// deleted blob.
    /// </summary>
    private async Task RequireBlobsPresentAsync(string rootUid, LedgerIndex index, IEnumerable<IndexedFile> newFiles, CancellationToken cancellationToken)
    {
        var referenced = index.ReferencedChunks();
        var needed = newFiles.SelectMany(f => f.Chunks).Where(chunk => !referenced.Contains(chunk)).ToHashSet(StringComparer.Ordinal);
        if (needed.Count == 0)
        {
            return;
        }

        var stored = (await store.ListAsync(LedgerNaming.BlobsOf(LedgerNaming.ChainKey(rootUid)), includeData: false, cancellationToken).ConfigureAwait(false))
            .Select(blob => LedgerNaming.ChunkOf(blob.Name))
            .ToHashSet(StringComparer.Ordinal);
        var missing = needed.Count(chunk => !stored.Contains(chunk));
        if (missing > 0)
        {
            throw new LedgerConflictException(rootUid,
                $"{missing} blob(s) this commit to chain '{rootUid}' wrote were collected by a concurrent garbage collection; retry the commit.");
        }
    }

    public async Task<Stream> OpenCheckpointFileAsync(string rootUid, string path, CancellationToken cancellationToken)
    {
        CheckpointPathRule.Require("path", path);
        var index = await RequireIndexAsync(rootUid, cancellationToken).ConfigureAwait(false);
        var file = index.Files.FirstOrDefault(f => f.Path == path)
            ?? throw new LedgerNotFoundException(rootUid, $"Chain '{rootUid}' has no committed checkpoint file '{path}'.");
        return new VerifyingChunkStream(rootUid, path, file.Sha256, file.Size, new ConfigMapChunkSource(store, rootUid, path, file.Chunks));
    }
}
