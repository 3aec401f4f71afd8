using System.Data.Common;
using SegRestore.Store.Streams;

namespace SegRestore.Store.Sql;

/// <summary>Reads one blob's chunks through a connection holding a snapshot transaction, so a commit that replaces
/// or deletes the file meanwhile does not change what this reader sees. Owns the connection.</summary>
internal sealed class SqlChunkSource(DbConnection connection, DbTransaction transaction, string blobId, int chunkCount) : IChunkSource
{
    public int ChunkCount => chunkCount;

    public async ValueTask<StoredChunk?> ReadChunkAsync(int sequence, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(transaction,
            "SELECT sha256, data FROM blob_chunks WHERE blob_id = @id AND seq = @seq",
            row => new StoredChunk(row.GetFieldValue<byte[]>(1), row.GetString(0)),
            cancellationToken, ("id", blobId), ("seq", sequence)).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }
}
