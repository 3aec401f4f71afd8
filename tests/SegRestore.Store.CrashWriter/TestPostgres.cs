namespace SegRestore.Store.CrashWriter;

/// <summary>The test PostgreSQL server from SEGRESTORE_TEST_PG (set by `make test` through tests/setup/pg.sh).</summary>
public static class TestPostgres
{
    public const string ConnectionVariable = "SEGRESTORE_TEST_PG";

    private static readonly string[] SplitKeys = ["Port", "Username", "Database"];

    /// <summary>The connection string, or null when the variable is not set.</summary>
    public static string? ConnectionStringOrNull()
    {
        var value = Environment.GetEnvironmentVariable(ConnectionVariable);
        return string.IsNullOrWhiteSpace(value) ? null : RejoinShellSplitValue(value);
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

        var parts = SplitKeys
            .Select(key => (Key: key, Value: Environment.GetEnvironmentVariable(key)))
            .Where(part => !string.IsNullOrEmpty(part.Value))
            .Select(part => $"{part.Key}={part.Value}");
        return string.Join(';', parts.Prepend(value));
    }
}
