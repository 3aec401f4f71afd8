using Npgsql;

namespace SegRestore.Store.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: SEGRESTORE_TEST_PG, which `make test` sets (tests/setup/pg.sh).
/// Without it the PostgreSQL tests fail and say how to start one; SEGRESTORE_SKIP_PG=1 is a developer's explicit
/// opt-out that reports them as skipped instead (see OptionalBackendAttribute).
/// </summary>
public static class PostgresTestServer
{
    public const string ConnectionVariable = "SEGRESTORE_TEST_PG";
    public const string SkipVariable = "SEGRESTORE_SKIP_PG";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ConnectionVariable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return RejoinShellSplitValue(value);
            }

            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL ledger tests have no server. `make test` starts one; by hand: " +
                $"tests/setup/pg.sh start && set -a && . .tmp/pg.env && set +a && dotnet test tests/SegRestore.Store.Tests; tests/setup/pg.sh stop. " +
                $"To skip these tests deliberately, set {SkipVariable}=1.");
        }
    }

    /// <summary>
    /// tests/setup/pg.sh writes the connection string unquoted into .tmp/pg.env, so sourcing that file in a shell
    /// splits it at each ';' into SEGRESTORE_TEST_PG=Host=..., Port=..., Username=..., Database=... . Put the parts
    /// back together until the file quotes the value.
    /// </summary>
    private static string RejoinShellSplitValue(string value)
    {
        if (value.Contains(';', StringComparison.Ordinal))
        {
            return value;
        }

        var parts = new[] { "Port", "Username", "Database" }
            .Select(key => (Key: key, Value: Environment.GetEnvironmentVariable(key)))
            .Where(part => !string.IsNullOrEmpty(part.Value))
            .Select(part => $"{part.Key}={part.Value}");
        return string.Join(';', parts.Prepend(value));
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
