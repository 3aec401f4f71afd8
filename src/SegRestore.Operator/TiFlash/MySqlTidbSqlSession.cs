using System.Globalization;
using MySqlConnector;

namespace SegRestore.Operator.TiFlash;

/// <summary>The real <see cref="ITidbSqlSession"/>: one MySqlConnector connection, disposed with the session.</summary>
/// <param name="connection">An open connection, which the session now owns.</param>
/// <param name="checkQuery">The read-back query; <see cref="TiFlashReplicaStatements.CheckQuery"/> on TiDB. Tests on
/// MariaDB (which has no tiflash_replica table) pass the same query against a stand-in table.</param>
public sealed class MySqlTidbSqlSession(MySqlConnection connection, string checkQuery = TiFlashReplicaStatements.CheckQuery) : ITidbSqlSession
{
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<TiFlashReplicaRow?> QueryReplicaAsync(string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = checkQuery;
        command.Parameters.AddWithValue(TiFlashReplicaStatements.SchemaParameter, schema);
        command.Parameters.AddWithValue(TiFlashReplicaStatements.TableParameter, table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new TiFlashReplicaRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? 0 : Convert.ToUInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
            reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
            !reader.IsDBNull(4) && Convert.ToBoolean(reader.GetValue(4), CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
