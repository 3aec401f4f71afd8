using System.Data.Common;
using Microsoft.Extensions.Logging;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.Sql;

/// <summary>
/// The ledger over SQL (PostgreSQL or SQLite). Every change runs in a write transaction that first locks the chain
/// row, so writers of one chain are serialized; the decision itself is made by the pure rules in
/// <see cref="SegRestore.Store.Rules"/>. Checkpoint content is staged outside that transaction and switched in by a
/// short one (see docs/ledger.md for the atomicity argument).
/// </summary>
internal sealed partial class SqlChainLedger(SqlDialect dialect, LedgerOptions options, TimeProvider time, ILogger logger) : IChainLedger
{
    private readonly SqlRows _rows = new(dialect);

    public async Task<ChainRecord> CreateChainAsync(NewChain chain, CancellationToken cancellationToken)
    {
        var fresh = ChainRules.Create(null, chain, time.LedgerNow()).Value;
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var parameters = _rows.ChainParameters(fresh);
        await connection.ExecuteAsync(transaction,
            $"INSERT INTO chains ({SqlRows.ColumnList(parameters)}) VALUES ({SqlRows.ValuesList(parameters)}) ON CONFLICT (root_uid) DO NOTHING",
            cancellationToken, parameters).ConfigureAwait(false);
        var stored = await ReadChainAsync(connection, transaction, chain.RootUid, cancellationToken).ConfigureAwait(false);
        var decided = ChainRules.Create(stored, chain, time.LedgerNow()).Value;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decided;
    }

    public async Task<ChainRecord?> GetChainAsync(string rootUid, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadChainAsync(connection, null, rootUid, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChainRecord>> ListChainsAsync(ChainQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.State is { } state)
        {
            filters.Add("state = @state");
            parameters.Add(("state", state.ToString()));
        }

        if (query.PdClusterId is { } clusterId)
        {
            filters.Add("pd_cluster_id = @cluster");
            parameters.Add(("cluster", dialect.ToDb(clusterId)));
        }

        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        var chains = await connection.QueryAsync(null,
            $"SELECT {SqlRows.ChainColumns} FROM chains{where} ORDER BY created_at, root_uid",
            _rows.Chain, cancellationToken, [.. parameters]).ConfigureAwait(false);
        return chains;
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private async Task<ChainRecord?> ReadChainAsync(DbConnection connection, DbTransaction? transaction, string rootUid, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var rows = await connection.QueryAsync(transaction,
            $"SELECT {SqlRows.ChainColumns} FROM chains WHERE root_uid = @uid" + (forUpdate ? dialect.LockRowSuffix : ""),
            _rows.Chain, cancellationToken, ("uid", rootUid)).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    private async Task UpdateChainAsync(DbConnection connection, DbTransaction transaction, ChainRecord chain, CancellationToken cancellationToken)
    {
        var parameters = _rows.ChainParameters(chain);
        await connection.ExecuteAsync(transaction,
            $"UPDATE chains SET {SqlRows.SetList(parameters, "root_uid")} WHERE root_uid = @root_uid",
            cancellationToken, parameters).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction holding the chain's row lock, and commits.</summary>
    private async Task<T> InChainTransactionAsync<T>(
        string rootUid, Func<DbConnection, DbTransaction, ChainRecord, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var chain = await ReadChainAsync(connection, transaction, rootUid, cancellationToken, forUpdate: true).ConfigureAwait(false)
            ?? throw NotFound(rootUid);
        var result = await work(connection, transaction, chain).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static LedgerNotFoundException NotFound(string rootUid) =>
        new(rootUid, $"Chain '{rootUid}' is not in the ledger (never created, or collected after its retention period).");
}
