namespace SegRestore.Store.Streams;

/// <summary>Where a backend's chunks of one file come from, in order. Owns whatever it reads through (a connection
/// and its snapshot transaction, for the SQL stores).</summary>
public interface IChunkSource : IAsyncDisposable, IDisposable
{
    int ChunkCount { get; }

    /// <summary>The chunk at <paramref name="sequence"/>, or null when it is missing.</summary>
    ValueTask<StoredChunk?> ReadChunkAsync(int sequence, CancellationToken cancellationToken);
}
