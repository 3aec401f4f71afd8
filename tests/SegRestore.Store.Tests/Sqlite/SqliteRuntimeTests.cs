using Microsoft.Data.Sqlite;

namespace SegRestore.Store.Tests.Sqlite;

/// <summary>Pins that the SQLite native library resolved from the feed really loads and runs at runtime.</summary>
public sealed class SqliteRuntimeTests
{
    [Fact]
    public async Task Native_sqlite_loads_and_supports_returning_and_upserts()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER);
            INSERT INTO t (k, v) VALUES ('a', 1) ON CONFLICT (k) DO NOTHING;
            INSERT INTO t (k, v) VALUES ('a', 2) ON CONFLICT (k) DO NOTHING;
            UPDATE t SET v = v + 10 WHERE k = 'a' RETURNING v;
            """;
        var value = await command.ExecuteScalarAsync();
        value.Should().Be(11L);
        connection.ServerVersion.Should().NotBeNullOrEmpty();
    }
}
