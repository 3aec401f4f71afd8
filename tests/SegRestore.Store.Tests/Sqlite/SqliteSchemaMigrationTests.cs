using System.Data.Common;
using Microsoft.Data.Sqlite;
using SegRestore.Store.Sql;
using SegRestore.Store.Tests.Sql;

namespace SegRestore.Store.Tests.Sqlite;

public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("segrestore-migrate-").FullName;

    private string DatabasePath => Path.Combine(_directory, "ledger.db");

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task<IChainLedger> OpenAsync() => SqlLedgers.OpenSqliteAsync(DatabasePath, null, null, CancellationToken.None);

    protected override async Task<DbConnection> ConnectAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }
}
