using Npgsql;
using SegRestore.Store.CrashWriter;

namespace SegRestore.Store.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: SEGRESTORE_TEST_PG, which `make test` sets (tests/setup/pg.sh).
/// Without it the PostgreSQL tests fail and say how to start one; SEGRESTORE_SKIP_PG=1 is a developer's explicit
/// opt-out that reports them as skipped instead (see OptionalBackendAttribute).
/// </summary>
public static class PostgresTestServer
{
    public const string ConnectionVariable = TestPostgres.ConnectionVariable;
    public const string SkipVariable = "SEGRESTORE_SKIP_PG";

    public static string ConnectionString
    {
        get
        {
            if (TestPostgres.ConnectionStringOrNull() is { } value)
            {
                return value;
            }

            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL ledger tests have no server. `make test` starts one; by hand: " +
                $"tests/setup/pg.sh start && set -a && . .tmp/pg.env && set +a && dotnet test tests/SegRestore.Store.Tests; tests/setup/pg.sh stop. " +
                $"To skip these tests deliberately, set {SkipVariable}=1.");
        }
    }

    /// <summary>A fresh schema name; each test works in its own schema, so tests run in parallel safely.</summary>
    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N");

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection whose search path is <paramref name="schema"/>.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
