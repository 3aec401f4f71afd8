using Microsoft.Data.Sqlite;
using SegRestore.Store.Model;
using SegRestore.Store.Sql;
using SegRestore.Store.Tests.Conformance;

namespace SegRestore.Store.Tests.Sqlite;

/// <summary>The conformance suite on SQLite: one database file per test.</summary>
public sealed class SqliteLedgerConformanceTests : ChainLedgerConformance
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "segrestore-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "ledger.db");

    protected override Task PrepareStorageAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    protected override Task<IChainLedger> OpenLedgerCoreAsync(LedgerOptions options, TimeProvider time) =>
        SqlLedgers.OpenSqliteAsync(DatabasePath, options, time, CancellationToken.None);

    protected override Task CleanUpStorageAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override async Task CorruptStoredChunkAsync(string chainUid, string path)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.rowid, c.data FROM blob_chunks c JOIN checkpoint_files f ON f.blob_id = c.blob_id
            WHERE f.chain_uid = @uid AND f.path = @path AND c.seq = 0
            """;
        command.Parameters.AddWithValue("@uid", chainUid);
        command.Parameters.AddWithValue("@path", path);
        long rowId;
        byte[] data;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            (await reader.ReadAsync()).Should().BeTrue();
            rowId = reader.GetInt64(0);
            data = reader.GetFieldValue<byte[]>(1);
        }

        data[data.Length / 2] ^= 0xff;
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE blob_chunks SET data = @data WHERE rowid = @row";
        update.Parameters.AddWithValue("@data", data);
        update.Parameters.AddWithValue("@row", rowId);
        (await update.ExecuteNonQueryAsync()).Should().Be(1);
    }

    protected override async Task<int> CountStoredBlobsAsync(string chainUid)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM blobs WHERE chain_uid = @uid";
        command.Parameters.AddWithValue("@uid", chainUid);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
