using System.Data.Common;
using SegRestore.Store.Tests.Conformance;

namespace SegRestore.Store.Tests.Sql;

/// <summary>Migrations are applied once, in a transaction, and re-running them (a restart, a second replica starting
/// at the same time) changes nothing.</summary>
public abstract class SchemaMigrationTests : IAsyncLifetime
{
    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    protected abstract Task<IChainLedger> OpenAsync();

    protected abstract Task<DbConnection> ConnectAsync();

    [BackendFact]
    public async Task Opening_the_ledger_again_applies_no_migration_twice()
    {
        await (await OpenAsync()).DisposeAsync();
        await (await OpenAsync()).DisposeAsync();

        (await SchemaVersionsAsync()).Should().Equal([1, 2], "each migration (v1 the schema, v2 the replaced-segments column) is applied once");
    }

    [BackendFact]
    public async Task Ledgers_starting_concurrently_on_an_empty_database_migrate_it_once()
    {
        var ledgers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenAsync)));
        foreach (var ledger in ledgers)
        {
            await ledger.DisposeAsync();
        }

        (await SchemaVersionsAsync()).Should().Equal([1, 2], "each migration (v1 the schema, v2 the replaced-segments column) is applied once");
    }

    private async Task<List<long>> SchemaVersionsAsync()
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync())
        {
            versions.Add(Convert.ToInt64(reader.GetValue(0)));
        }

        return versions;
    }
}
