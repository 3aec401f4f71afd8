using System.Data.Common;
using System.Security.Cryptography;
using SegRestore.Store.Streams;

namespace SegRestore.Store.Sql;

/// <summary>
/// Writes a file's content as a staged blob in 1 MiB chunks, each with its own sha256, committing every few chunks
/// so that SQLite's single write lock is never held for a whole large file. A staged blob is invisible to readers
/// until a commit references it; if the writer dies, garbage collection removes it after the orphan grace.
/// </summary>
internal sealed class SqlBlobStager(SqlDialect dialect, TimeProvider time)
{
    public const int ChunkSize = 1024 * 1024;
    private const int ChunksPerTransaction = 8;

    public async Task<StagedBlob> StageAsync(DbConnection connection, string chainUid, string path, Stream content, CancellationToken cancellationToken)
    {
        var blobId = Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync(null,
            "INSERT INTO blobs (blob_id, chain_uid, state, created_at) VALUES (@id, @chain, 'staged', @at)",
            cancellationToken, ("id", blobId), ("chain", chainUid), ("at", dialect.ToDb(time.LedgerNow()))).ConfigureAwait(false);
        using var fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        var sequence = 0;
        DbTransaction? transaction = null;
        try
        {
            while (true)
            {
                var filled = await StreamChunker.FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
                if (filled == 0)
                {
                    break;
                }

                var chunk = buffer.AsSpan(0, filled).ToArray();
                fileHash.AppendData(chunk);
                transaction ??= await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(transaction,
                    "INSERT INTO blob_chunks (blob_id, seq, sha256, data) VALUES (@id, @seq, @sha, @data)",
                    cancellationToken, ("id", blobId), ("seq", sequence), ("sha", Sha256Hex.Of(chunk)), ("data", chunk)).ConfigureAwait(false);
                size += filled;
                sequence++;
                if (sequence % ChunksPerTransaction == 0)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    transaction = null;
                }

                if (filled < buffer.Length)
                {
                    break;
                }
            }

            var sha = Sha256Hex.Of(fileHash);
            transaction ??= await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(transaction,
                "UPDATE blobs SET size = @size, sha256 = @sha, chunk_count = @count WHERE blob_id = @id",
                cancellationToken, ("size", size), ("sha", sha), ("count", sequence), ("id", blobId)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new StagedBlob(path, blobId, size, sha, sequence);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Best effort: removes staged blobs of a commit that did not happen (GC would, later).</summary>
    public static async Task DiscardAsync(DbConnection connection, IEnumerable<StagedBlob> staged, CancellationToken cancellationToken)
    {
        foreach (var blob in staged)
        {
            await connection.ExecuteAsync(null, "DELETE FROM blobs WHERE blob_id = @id AND state = 'staged'",
                cancellationToken, ("id", blob.BlobId)).ConfigureAwait(false);
        }
    }
}
