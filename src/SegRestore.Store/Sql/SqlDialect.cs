using System.Data.Common;

namespace SegRestore.Store.Sql;

/// <summary>What differs between the SQL engines; everything else is shared by <see cref="SqlChainLedger"/>.</summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>Column types substituted into the migration scripts ({u64}, {i64}, {time}, {bytes}, {bool}).</summary>
    public abstract IReadOnlyDictionary<string, string> ColumnTypes { get; }

    /// <summary>Appended to the SELECT that reads a chain row inside a write transaction.</summary>
    public abstract string LockRowSuffix { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that serializes writers on the chain (SQLite: BEGIN IMMEDIATE; PostgreSQL: read committed
    /// plus the row lock from <see cref="LockRowSuffix"/>).</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read-only transaction that sees one snapshot for its whole life (used while streaming a file).</summary>
    public abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes concurrent migrators inside the migration transaction.</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public abstract object ToDb(ulong value);

    public abstract ulong UInt64From(object value);

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset TimeFrom(object value);

    public abstract ValueTask DisposeAsync();
}
