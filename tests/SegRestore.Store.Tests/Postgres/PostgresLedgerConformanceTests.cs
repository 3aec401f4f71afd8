using SegRestore.Store.Model;
using SegRestore.Store.Sql;
using SegRestore.Store.Tests.Conformance;

namespace SegRestore.Store.Tests.Postgres;

/// <summary>The conformance suite on PostgreSQL: one schema per test.</summary>
[OptionalBackend(PostgresTestServer.SkipVariable)]
public sealed class PostgresLedgerConformanceTests : ChainLedgerConformance
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    protected override Task PrepareStorageAsync()
    {
        _ = PostgresTestServer.ConnectionString;
        return Task.CompletedTask;
    }

    protected override Task<IChainLedger> OpenLedgerCoreAsync(LedgerOptions options, TimeProvider time) =>
        SqlLedgers.OpenPostgresAsync(PostgresTestServer.ConnectionString, _schema, options, time, CancellationToken.None);

    protected override Task CleanUpStorageAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    protected override async Task CorruptStoredChunkAsync(string chainUid, string path)
    {
        await using var connection = await PostgresTestServer.OpenAsync(_schema);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE blob_chunks c SET data = overlay(c.data placing decode(lpad(to_hex(255 - get_byte(c.data, 100)), 2, '0'), 'hex') from 101 for 1)
            FROM checkpoint_files f WHERE f.blob_id = c.blob_id AND f.chain_uid = @uid AND f.path = @path AND c.seq = 0
            """;
        command.Parameters.AddWithValue("uid", chainUid);
        command.Parameters.AddWithValue("path", path);
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    protected override async Task<int> CountStoredBlobsAsync(string chainUid)
    {
        await using var connection = await PostgresTestServer.OpenAsync(_schema);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM blobs WHERE chain_uid = @uid";
        command.Parameters.AddWithValue("uid", chainUid);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
