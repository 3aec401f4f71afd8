using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;
using SegRestore.Store.Streams;

namespace SegRestore.Store.Sql;

/// <summary>Checkpoint files: stage content as blobs, then switch them in with one short transaction.</summary>
internal sealed partial class SqlChainLedger
{
    private const string FileColumns = "path, sha256, size, generation";

    public async Task<CheckpointSnapshot> GetCheckpointAsync(string rootUid, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var chain = await ReadChainAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false) ?? throw NotFound(rootUid);
        var files = await connection.QueryAsync(transaction,
            $"SELECT {FileColumns} FROM checkpoint_files WHERE chain_uid = @uid ORDER BY path",
            SqlRows.File, cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        return new CheckpointSnapshot(chain.Generation, files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
    }

    public async Task<long> CommitCheckpointAsync(string rootUid, CheckpointCommit commit, CancellationToken cancellationToken)
    {
        CheckpointCommitRules.Validate(commit);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadChainAsync(connection, null, rootUid, cancellationToken).ConfigureAwait(false) ?? throw NotFound(rootUid);
        CheckpointCommitRules.RequireCommittable(current, commit.ExpectedGeneration);

        var stager = new SqlBlobStager(dialect, time);
        var staged = new List<StagedBlob>();
        try
        {
            foreach (var put in commit.Puts)
            {
                staged.Add(await stager.StageAsync(connection, rootUid, put.Path, put.Content, cancellationToken).ConfigureAwait(false));
            }

            var generation = await SwitchInAsync(connection, rootUid, commit, staged, cancellationToken).ConfigureAwait(false);
            var bytesWritten = staged.Sum(s => s.Size);
            logger.Committed(generation, rootUid, staged.Count, bytesWritten, commit.Deletes.Count);
            return generation;
        }
        catch (LedgerException error)
        {
            logger.CommitRefused(rootUid, error.Message);
            await SqlBlobStager.DiscardAsync(connection, staged, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<Stream> OpenCheckpointFileAsync(string rootUid, string path, CancellationToken cancellationToken)
    {
        CheckpointPathRule.Require("path", path);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction? transaction = null;
        try
        {
            transaction = await dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
            var rows = await connection.QueryAsync(transaction,
                "SELECT f.sha256, f.size, f.blob_id, b.chunk_count FROM checkpoint_files f JOIN blobs b ON b.blob_id = f.blob_id " +
                "WHERE f.chain_uid = @uid AND f.path = @path",
                row => (Sha: row.GetString(0), Size: Convert.ToInt64(row[1], CultureInfo.InvariantCulture), BlobId: row.GetString(2),
                    Chunks: Convert.ToInt32(row[3], CultureInfo.InvariantCulture)),
                cancellationToken, ("uid", rootUid), ("path", path)).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                throw new LedgerNotFoundException(rootUid, $"Chain '{rootUid}' has no committed checkpoint file '{path}'.");
            }

            var file = rows[0];
            var source = new SqlChunkSource(connection, transaction, file.BlobId, file.Chunks);
            return new VerifyingChunkStream(rootUid, path, file.Sha, file.Size, source);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The atomic step: under the chain row lock, re-check the generation, point the paths at the staged
    /// blobs, drop replaced and deleted content, and bump the generation - all in one transaction.</summary>
    private async Task<long> SwitchInAsync(DbConnection connection, string rootUid, CheckpointCommit commit, List<StagedBlob> staged, CancellationToken cancellationToken)
    {
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var chain = await ReadChainAsync(connection, transaction, rootUid, cancellationToken, forUpdate: true).ConfigureAwait(false) ?? throw NotFound(rootUid);
        CheckpointCommitRules.RequireCommittable(chain, commit.ExpectedGeneration);
        var generation = chain.Generation + 1;
        foreach (var path in commit.Deletes.Concat(staged.Select(s => s.Path)))
        {
            await RemoveFileAsync(connection, transaction, rootUid, path, cancellationToken).ConfigureAwait(false);
        }

        foreach (var blob in staged)
        {
            var claimed = await connection.ExecuteAsync(transaction,
                "UPDATE blobs SET state = 'committed' WHERE blob_id = @id AND state = 'staged'",
                cancellationToken, ("id", blob.BlobId)).ConfigureAwait(false);
            if (claimed != 1)
            {
                throw new LedgerConflictException(rootUid, $"The staged content of '{blob.Path}' was collected before the commit finished " +
                    "(the commit took longer than the orphan grace period); retry the commit.");
            }

            await connection.ExecuteAsync(transaction,
                "INSERT INTO checkpoint_files (chain_uid, path, blob_id, size, sha256, generation) VALUES (@uid, @path, @blob, @size, @sha, @gen)",
                cancellationToken, ("uid", rootUid), ("path", blob.Path), ("blob", blob.BlobId), ("size", blob.Size), ("sha", blob.Sha256),
                ("gen", generation)).ConfigureAwait(false);
        }

        await UpdateChainAsync(connection, transaction, chain with { Generation = generation, UpdatedAt = time.LedgerNow() }, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return generation;
    }

    private static async Task RemoveFileAsync(DbConnection connection, DbTransaction transaction, string rootUid, string path, CancellationToken cancellationToken)
    {
        var blobIds = await connection.QueryAsync(transaction,
            "SELECT blob_id FROM checkpoint_files WHERE chain_uid = @uid AND path = @path",
            row => row.GetString(0), cancellationToken, ("uid", rootUid), ("path", path)).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction, "DELETE FROM checkpoint_files WHERE chain_uid = @uid AND path = @path",
            cancellationToken, ("uid", rootUid), ("path", path)).ConfigureAwait(false);
        foreach (var blobId in blobIds)
        {
            await connection.ExecuteAsync(transaction, "DELETE FROM blobs WHERE blob_id = @id", cancellationToken, ("id", blobId)).ConfigureAwait(false);
        }
    }
}
