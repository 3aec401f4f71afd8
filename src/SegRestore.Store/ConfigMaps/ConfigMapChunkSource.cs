using SegRestore.Store.Errors;
using SegRestore.Store.Streams;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Reads a file's chunks from their blob ConfigMaps. An undecodable blob is reported as corruption of
/// the file (never returned); a missing blob as a missing chunk.</summary>
internal sealed class ConfigMapChunkSource(IConfigMapStore store, string rootUid, string path, IReadOnlyList<string> chunks) : IChunkSource
{
    public int ChunkCount => chunks.Count;

    public async ValueTask<StoredChunk?> ReadChunkAsync(int sequence, CancellationToken cancellationToken)
    {
        var sha = chunks[sequence];
        var name = LedgerNaming.BlobName(rootUid, sha);
        var blob = await store.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return null;
        }

        if (!blob.BinaryData.TryGetValue(LedgerNaming.BlobKey, out var encoded))
        {
            throw new LedgerCorruptionException(rootUid, path, $"blob ConfigMap '{name}' (chunk {sequence}) has no '{LedgerNaming.BlobKey}' key");
        }

        try
        {
            return new StoredChunk(BlobCodec.Decode(encoded, ConfigMapLedgerOptions.ChunkBytes), sha);
        }
        catch (InvalidDataException error)
        {
            throw new LedgerCorruptionException(rootUid, path, $"blob ConfigMap '{name}' (chunk {sequence}) does not decode: {error.Message}", error);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
