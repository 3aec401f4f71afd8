using System.Data.Common;
using System.Globalization;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.Sql;

/// <summary>Decoded items: replaced as a whole, in order.</summary>
internal sealed partial class SqlChainLedger
{
    private static readonly string[] ItemTables = ["tiflash_items", "ingest_items", "generated_sql"];

    public Task SaveItemsAsync(string rootUid, ChainItems items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return InChainTransactionAsync(rootUid, async (connection, transaction, chain) =>
        {
            ChainRules.RequireActive(chain, "save items");
            await DeleteItemsAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false);
            foreach (var (item, seq) in items.TiFlash.Select((item, seq) => (item, seq)))
            {
                await connection.ExecuteAsync(transaction,
                    "INSERT INTO tiflash_items (chain_uid, seq, db, tbl, replica_count, location_labels_json) VALUES (@uid, @seq, @db, @tbl, @count, @labels)",
                    cancellationToken, ("uid", rootUid), ("seq", seq), ("db", item.Database), ("tbl", item.Table),
                    ("count", item.ReplicaCount), ("labels", LedgerJson.Serialize(item.LocationLabels))).ConfigureAwait(false);
            }

            foreach (var (item, seq) in items.Ingest.Select((item, seq) => (item, seq)))
            {
                await connection.ExecuteAsync(transaction,
                    "INSERT INTO ingest_items (chain_uid, seq, db, tbl, index_name, is_primary) VALUES (@uid, @seq, @db, @tbl, @index, @primary)",
                    cancellationToken, ("uid", rootUid), ("seq", seq), ("db", item.Database), ("tbl", item.Table),
                    ("index", item.Index), ("primary", item.IsPrimary)).ConfigureAwait(false);
            }

            foreach (var (statement, seq) in items.GeneratedSql.Select((statement, seq) => (statement, seq)))
            {
                await connection.ExecuteAsync(transaction,
                    "INSERT INTO generated_sql (chain_uid, seq, statement) VALUES (@uid, @seq, @statement)",
                    cancellationToken, ("uid", rootUid), ("seq", seq), ("statement", statement)).ConfigureAwait(false);
            }

            await TouchChainAsync(connection, transaction, chain, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<ChainItems> LoadItemsAsync(string rootUid, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        _ = await ReadChainAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false) ?? throw NotFound(rootUid);
        var tiflash = await connection.QueryAsync(transaction,
            "SELECT db, tbl, replica_count, location_labels_json FROM tiflash_items WHERE chain_uid = @uid ORDER BY seq",
            row => new TiFlashItem(row.GetString(0), row.GetString(1), Convert.ToInt32(row[2], CultureInfo.InvariantCulture),
                LedgerJson.Deserialize<List<string>>(row.GetString(3))),
            cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        var ingest = await connection.QueryAsync(transaction,
            "SELECT db, tbl, index_name, is_primary FROM ingest_items WHERE chain_uid = @uid ORDER BY seq",
            row => new IngestItem(row.GetString(0), row.GetString(1), row.GetString(2), Convert.ToBoolean(row[3], CultureInfo.InvariantCulture)),
            cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        var sql = await connection.QueryAsync(transaction,
            "SELECT statement FROM generated_sql WHERE chain_uid = @uid ORDER BY seq",
            row => row.GetString(0), cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        return new ChainItems(tiflash, ingest, sql);
    }

    private static async Task DeleteItemsAsync(DbConnection connection, DbTransaction transaction, string rootUid, CancellationToken cancellationToken)
    {
        foreach (var table in ItemTables)
        {
            await connection.ExecuteAsync(transaction, $"DELETE FROM {table} WHERE chain_uid = @uid", cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        }
    }
}
