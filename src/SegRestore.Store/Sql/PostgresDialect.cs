using System.Data;
using System.Data.Common;
using Npgsql;

namespace SegRestore.Store.Sql;

/// <summary>PostgreSQL through Npgsql. Writers lock the chain row (SELECT ... FOR UPDATE) under read committed;
/// streaming readers use a repeatable-read, read-only transaction so a concurrent commit never changes what they read.</summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["u64"] = "numeric(20,0)",
        ["i64"] = "bigint",
        ["time"] = "timestamptz",
        ["bytes"] = "bytea",
        ["bool"] = "boolean",
    };

    public override string Name => "postgres";

    public override IReadOnlyDictionary<string, string> ColumnTypes => Types;

    public override string LockRowSuffix => " FOR UPDATE";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override async ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET TRANSACTION READ ONLY";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    public override async Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext('segrestore-ledger:' || current_schema()))";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override object ToDb(ulong value) => (decimal)value;

    public override ulong UInt64From(object value) => (ulong)(decimal)value;

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset TimeFrom(object value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new InvalidCastException($"Unexpected timestamp type {value.GetType().Name}."),
    };

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
