using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SegRestore.Store.Model;

namespace SegRestore.Store.Sql;

/// <summary>Opens the SQL ledgers, migrating their schema first.</summary>
public static class SqlLedgers
{
    /// <summary>A ledger in the SQLite database file at <paramref name="path"/> (created when missing).</summary>
    public static Task<IChainLedger> OpenSqliteAsync(string path, LedgerOptions? options, TimeProvider? time, CancellationToken cancellationToken) =>
        OpenSqliteAsync(path, options, time, NullLogger.Instance, cancellationToken);

    /// <inheritdoc cref="OpenSqliteAsync(string, LedgerOptions?, TimeProvider?, CancellationToken)"/>
    public static async Task<IChainLedger> OpenSqliteAsync(string path, LedgerOptions? options, TimeProvider? time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var dialect = new SqliteDialect(path);
        return await OpenAsync(dialect, options, time, logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A ledger in PostgreSQL. <paramref name="schema"/>, when given, is created if missing and used as the
    /// search path (tests use one schema each).</summary>
    public static Task<IChainLedger> OpenPostgresAsync(
        string connectionString, string? schema, LedgerOptions? options, TimeProvider? time, CancellationToken cancellationToken) =>
        OpenPostgresAsync(connectionString, schema, options, time, NullLogger.Instance, cancellationToken);

    /// <inheritdoc cref="OpenPostgresAsync(string, string?, LedgerOptions?, TimeProvider?, CancellationToken)"/>
    public static async Task<IChainLedger> OpenPostgresAsync(
        string connectionString, string? schema, LedgerOptions? options, TimeProvider? time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(schema))
        {
            await CreateSchemaAsync(builder.ConnectionString, schema, cancellationToken).ConfigureAwait(false);
            builder.SearchPath = schema;
        }

        var dialect = new PostgresDialect(NpgsqlDataSource.Create(builder.ConnectionString));
        return await OpenAsync(dialect, options, time, logger, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IChainLedger> OpenAsync(SqlDialect dialect, LedgerOptions? options, TimeProvider? time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            await SchemaMigrator.MigrateAsync(dialect, logger, cancellationToken).ConfigureAwait(false);
            return new SqlChainLedger(dialect, options ?? LedgerOptions.Default, time ?? TimeProvider.System, logger);
        }
        catch
        {
            await dialect.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CreateSchemaAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // IF NOT EXISTS is not safe against a concurrent creator (PostgreSQL then raises a unique violation on
        // pg_namespace), so creators of the same schema take turns under an advisory lock held for the transaction.
        command.CommandText = "BEGIN; SELECT pg_advisory_xact_lock(hashtext('segrestore-ledger-schema:' || @schema)); " +
            $"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"; COMMIT;";
        command.Parameters.AddWithValue("schema", schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
