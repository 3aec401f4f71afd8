using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>
/// The throwaway MariaDB the SQL tests run against (same MySQL protocol as TiDB): SEGRESTORE_TEST_MYSQL_*, which
/// `make test` sets (tests/setup/mysql.sh). Without them the tests are skipped on a developer's machine
/// (<see cref="MySqlFactAttribute"/>) and fail in CI (CI=true), saying how to start the server.
/// </summary>
public static class MySqlTestServer
{
    public const string HostVariable = "SEGRESTORE_TEST_MYSQL_HOST";

    public const string HowToStart =
        "tests/setup/mysql.sh start && set -a && . .tmp/mysql.env && set +a && dotnet test tests/SegRestore.Operator.Tests; tests/setup/mysql.sh stop";

    /// <summary>Whether the variables are set.</summary>
    public static bool IsConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(HostVariable));

    /// <summary>Whether this run is CI's, where a missing server is a failure rather than a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Host => Variable(HostVariable);

    public static int Port => int.Parse(Variable("SEGRESTORE_TEST_MYSQL_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string User => Variable("SEGRESTORE_TEST_MYSQL_USER");

    /// <summary>A user that must present a client certificate (REQUIRE X509); same password.</summary>
    public static string X509User => Variable("SEGRESTORE_TEST_MYSQL_X509_USER");

    public static string Password => Variable("SEGRESTORE_TEST_MYSQL_PASSWORD");

    /// <summary>PEM text of the CA that signed the server's certificate.</summary>
    public static string CaPem => File.ReadAllText(Variable("SEGRESTORE_TEST_MYSQL_CA"));

    /// <summary>PEM text of an unrelated CA.</summary>
    public static string OtherCaPem => File.ReadAllText(Variable("SEGRESTORE_TEST_MYSQL_OTHER_CA"));

    public static string ClientCertPem => File.ReadAllText(Variable("SEGRESTORE_TEST_MYSQL_CLIENT_CERT"));

    public static string ClientKeyPem => File.ReadAllText(Variable("SEGRESTORE_TEST_MYSQL_CLIENT_KEY"));

    /// <summary>The password user over TLS-if-offered, short timeouts.</summary>
    public static TidbSqlTarget Target(TidbSqlTls? tls = null, string? user = null, string? password = null) =>
        new(Host, Port, user ?? User, password ?? Password, tls) { ConnectTimeout = TimeSpan.FromSeconds(5), CommandTimeout = TimeSpan.FromSeconds(10) };

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set, so the operator's SQL tests have no MySQL-protocol server. `make test` starts one; by hand: {HowToStart}");
}
