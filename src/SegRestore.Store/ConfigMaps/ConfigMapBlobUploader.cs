using System.Security.Cryptography;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Streams;

namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// Cuts a file into chunks and writes each as a content-addressed blob ConfigMap unless the base index already
/// references it (then it cannot be collected while the commit is based on that index). Holds one chunk in memory.
/// </summary>
internal sealed class ConfigMapBlobUploader(IConfigMapStore store, string rootUid, LedgerIndex baseIndex, long maxChainBytes, long bytesKept)
{
    private readonly HashSet<string> _referenced = baseIndex.ReferencedChunks();
    private readonly HashSet<string> _collecting = baseIndex.Collecting.ToHashSet(StringComparer.Ordinal);
    private long _chainBytes = bytesKept;

    public async Task<IndexedFile> UploadAsync(CheckpointPut put, CancellationToken cancellationToken)
    {
        using var fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ConfigMapLedgerOptions.ChunkBytes];
        var chunks = new List<string>();
        long size = 0;
        while (true)
        {
            var filled = await StreamChunker.FillAsync(put.Content, buffer, cancellationToken).ConfigureAwait(false);
            if (filled == 0)
            {
                break;
            }

            var chunk = buffer.AsMemory(0, filled);
            fileHash.AppendData(chunk.Span);
            size += filled;
            _chainBytes += filled;
            RequireWithinLimit();
            var sha = Sha256Hex.Of(chunk.Span);
            await EnsureBlobAsync(sha, chunk, cancellationToken).ConfigureAwait(false);
            chunks.Add(sha);
            if (filled < buffer.Length)
            {
                break;
            }
        }

        return new IndexedFile(put.Path, Sha256Hex.Of(fileHash), size, 0, chunks);
    }

    private async Task EnsureBlobAsync(string sha, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (_collecting.Contains(sha))
        {
            throw new LedgerConflictException(rootUid,
                $"Garbage collection is deleting content that this commit to chain '{rootUid}' needs; retry the commit.");
        }

        if (_referenced.Contains(sha))
        {
            return;
        }

        var blob = new ConfigMapObject(
            LedgerNaming.BlobName(rootUid, sha),
            null,
            LedgerNaming.BlobLabels(rootUid),
            new Dictionary<string, string>(),
            new Dictionary<string, byte[]> { [LedgerNaming.BlobKey] = BlobCodec.Encode(chunk.Span) });
        try
        {
            await store.CreateAsync(blob, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigMapAlreadyExistsException)
        {
            // Content-addressed: an existing blob of this name holds this chunk (from a dead upload or a racing
            // writer). If GC marks it for collection before our index write, that write fails and we retry.
        }

        _referenced.Add(sha);
    }

    private void RequireWithinLimit()
    {
        if (_chainBytes > maxChainBytes)
        {
            throw new LedgerCapacityException(rootUid,
                $"Chain '{rootUid}' would hold more than {maxChainBytes} bytes of checkpoint files, the ConfigMap store's " +
                "per-chain limit. Use the SQL ledger (PostgreSQL or SQLite) for chains this large, or raise the limit " +
                "(each MiB costs about one ConfigMap in etcd).");
        }
    }
}
