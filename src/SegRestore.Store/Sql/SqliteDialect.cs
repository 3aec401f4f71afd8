using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SegRestore.Store.Sql;

/// <summary>SQLite through Microsoft.Data.Sqlite: WAL journal (readers keep their snapshot while a writer commits),
/// synchronous=FULL, foreign keys on, BEGIN IMMEDIATE for writers; busy waits are retried up to the command timeout.</summary>
internal sealed class SqliteDialect(string path) : SqlDialect
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["u64"] = "TEXT",
        ["i64"] = "INTEGER",
        ["time"] = "TEXT",
        ["bytes"] = "BLOB",
        ["bool"] = "INTEGER",
    };

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        ForeignKeys = true,
        DefaultTimeout = 120,
        Pooling = true,
    }.ToString();

    public override string Name => "sqlite";

    public override IReadOnlyDictionary<string, string> ColumnTypes => Types;

    public override string LockRowSuffix => "";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override object ToDb(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public override ulong UInt64From(object value) => ulong.Parse((string)value, CultureInfo.InvariantCulture);

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset TimeFrom(object value) =>
        DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
