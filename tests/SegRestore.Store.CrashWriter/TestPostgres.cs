namespace SegRestore.Store.CrashWriter;

/// <summary>The test PostgreSQL server from SEGRESTORE_TEST_PG (set by `make test` through tests/setup/pg.sh).</summary>
public static class TestPostgres
{
    public const string ConnectionVariable = "SEGRESTORE_TEST_PG";

    /// <summary>The connection string, or null when the variable is not set.</summary>
    public static string? ConnectionStringOrNull()
    {
        var value = Environment.GetEnvironmentVariable(ConnectionVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
