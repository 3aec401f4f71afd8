using System.Data.Common;
using Microsoft.Extensions.Logging;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.Sql;

/// <summary>Finalize, abandon and garbage collection.</summary>
internal sealed partial class SqlChainLedger
{
    public Task<ChainRecord> FinalizeChainAsync(string rootUid, CancellationToken cancellationToken) =>
        InChainTransactionAsync(rootUid, async (connection, transaction, chain) =>
        {
            var change = ChainRules.Finalize(chain, time.LedgerNow());
            if (change.Changed)
            {
                await DropContentAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false);
                await UpdateChainAsync(connection, transaction, change.Value, cancellationToken).ConfigureAwait(false);
            }

            return change.Value;
        }, cancellationToken);

    public Task<ChainRecord> AbandonChainAsync(string rootUid, string reason, CancellationToken cancellationToken) =>
        InChainTransactionAsync(rootUid, async (connection, transaction, chain) =>
        {
            var change = ChainRules.Abandon(chain, reason, time.LedgerNow());
            if (change.Changed)
            {
                await DropContentAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false);
                await UpdateChainAsync(connection, transaction, change.Value, cancellationToken).ConfigureAwait(false);
            }

            return change.Value;
        }, cancellationToken);

    public async Task<GarbageReport> CollectGarbageAsync(CancellationToken cancellationToken)
    {
        var now = time.LedgerNow();
        var inactive = (await ListChainsAsync(new ChainQuery(ChainState.Finalized), cancellationToken).ConfigureAwait(false))
            .Concat(await ListChainsAsync(new ChainQuery(ChainState.Abandoned), cancellationToken).ConfigureAwait(false));
        var removed = new List<string>();
        foreach (var chain in inactive.Where(c => ChainRules.IsExpired(c, options.Retention, now)))
        {
            await InChainTransactionAsync(chain.RootUid, async (connection, transaction, locked) =>
            {
                await DropContentAsync(connection, transaction, chain.RootUid, cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(transaction, "DELETE FROM segments WHERE chain_uid = @uid", cancellationToken, ("uid", chain.RootUid)).ConfigureAwait(false);
                await connection.ExecuteAsync(transaction, "DELETE FROM chains WHERE root_uid = @uid", cancellationToken, ("uid", chain.RootUid)).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            removed.Add(chain.RootUid);
        }

        var report = new GarbageReport(removed, await CollectOrphanBlobsAsync(now, cancellationToken).ConfigureAwait(false));
        logger.Collected(report.RemovedChains.Count, report.RemovedBlobs);
        return report;
    }

    /// <summary>Staged blobs older than the grace were left by writers that died (or gave up) before switching them
    /// in. The delete re-checks state = 'staged' under the row lock, so a commit that claims a blob concurrently wins.</summary>
    private async Task<int> CollectOrphanBlobsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var staged = await connection.QueryAsync(null, "SELECT blob_id, created_at FROM blobs WHERE state = 'staged'",
            row => (Id: row.GetString(0), CreatedAt: dialect.TimeFrom(row[1])), cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var blob in staged.Where(b => b.CreatedAt + options.OrphanGrace <= now))
        {
            removed += await connection.ExecuteAsync(null, "DELETE FROM blobs WHERE blob_id = @id AND state = 'staged'",
                cancellationToken, ("id", blob.Id)).ConfigureAwait(false);
        }

        return removed;
    }

    private static async Task DropContentAsync(DbConnection connection, DbTransaction transaction, string rootUid, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(transaction, "DELETE FROM checkpoint_files WHERE chain_uid = @uid", cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        await connection.ExecuteAsync(transaction, "DELETE FROM blobs WHERE chain_uid = @uid AND state = 'committed'", cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        await DeleteItemsAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false);
    }
}
