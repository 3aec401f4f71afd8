using MySqlConnector;
using SegRestore.Br.State;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>
/// The operator's SQL path against a real MySQL-protocol server (MariaDB from tests/setup/mysql.sh): login, TLS with
/// the right and the wrong CA, client certificates, and how each failure is classified. TiDB-only statements (SET
/// TIFLASH REPLICA) cannot run here; their text is tested against BR's form in <see cref="TiFlashReplicaStatementsTests"/>.
/// </summary>
public sealed class TidbSqlMariaDbTests
{
    private static readonly TiFlashReplicaItem[] Items = [new(1, "test", "t1", 2, ["zone", "rack"], false, [])];

    private static TidbSqlTls Ca(string caPem) => new(caPem, "", "");

    private static async Task<string> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static async Task<TiFlashRestoreResult> RestoreAsync(TidbSqlTarget target) =>
        await new TiFlashReplicaRestorer().RestoreAsync(target, Items, default);

    private static void ShouldFail(TiFlashRestoreResult result, string reason, bool retryable, TidbSqlTarget target)
    {
        result.Should().BeEquivalentTo(new { Restored = false, Reason = reason, Retryable = retryable, Applied = 0 }, result.Message);
        result.Unapplied.Should().Equal(Items);
        result.Message.Should().Contain(target.Endpoint).And.Contain(target.User);
        result.Message.Should().NotContain(MySqlTestServer.Password);
        if (target.Password.Length > 0)
        {
            result.Message.Should().NotContain(target.Password);
        }
    }

    [MySqlFact]
    public async Task The_password_user_logs_in()
    {
        await using var connection = await TidbSqlConnector.OpenAsync(MySqlTestServer.Target(), default);

        (await ScalarAsync(connection, "SELECT CURRENT_USER()")).Should().StartWith(MySqlTestServer.User + "@");
    }

    [MySqlFact]
    public async Task TLS_with_the_CA_that_signed_the_server_certificate_succeeds()
    {
        await using var connection = await TidbSqlConnector.OpenAsync(MySqlTestServer.Target(Ca(MySqlTestServer.CaPem)), default);

        (await ScalarAsync(connection, "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'"))
            .Should().NotBeEmpty("the session is encrypted");
    }

    [MySqlFact]
    public async Task TLS_with_another_CA_fails_as_SqlTlsFailed()
    {
        var target = MySqlTestServer.Target(Ca(MySqlTestServer.OtherCaPem));

        ShouldFail(await RestoreAsync(target), TiFlashSqlReasons.SqlTlsFailed, false, target);
    }

    [MySqlFact]
    public async Task The_X509_user_logs_in_with_the_client_certificate()
    {
        var tls = new TidbSqlTls(MySqlTestServer.CaPem, MySqlTestServer.ClientCertPem, MySqlTestServer.ClientKeyPem);

        await using var connection = await TidbSqlConnector.OpenAsync(MySqlTestServer.Target(tls, user: MySqlTestServer.X509User), default);

        (await ScalarAsync(connection, "SELECT CURRENT_USER()")).Should().StartWith(MySqlTestServer.X509User + "@");
    }

    [MySqlFact]
    public async Task The_X509_user_is_refused_without_a_client_certificate()
    {
        var target = MySqlTestServer.Target(Ca(MySqlTestServer.CaPem), user: MySqlTestServer.X509User);

        ShouldFail(await RestoreAsync(target), TiFlashSqlReasons.SqlAccessDenied, false, target);
    }

    [MySqlFact]
    public async Task A_wrong_password_is_SqlAccessDenied_and_no_password_is_shown()
    {
        var target = MySqlTestServer.Target(password: "wrong-" + MySqlTestServer.Password);

        var result = await RestoreAsync(target);

        ShouldFail(result, TiFlashSqlReasons.SqlAccessDenied, false, target);
        result.Message.Should().Contain("SQL Secret");
    }

    [MySqlFact]
    public async Task A_closed_port_is_SqlUnreachable()
    {
        var target = new TidbSqlTarget("127.0.0.1", FreePort.Next(), MySqlTestServer.User, MySqlTestServer.Password)
        {
            ConnectTimeout = TimeSpan.FromSeconds(3),
        };

        ShouldFail(await RestoreAsync(target), TiFlashSqlReasons.SqlUnreachable, true, target);
    }

    [MySqlFact]
    public async Task The_callers_cancellation_propagates_and_is_not_classified()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => new TiFlashReplicaRestorer().RestoreAsync(MySqlTestServer.Target(), Items, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [MySqlFact]
    public async Task Cancelling_a_running_statement_propagates_too()
    {
        await using var session = await new MySqlTidbSqlSessionFactory().OpenAsync(MySqlTestServer.Target(), default);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => session.ExecuteAsync("SELECT SLEEP(5)", soon.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [MySqlFact]
    public async Task A_statement_over_its_timeout_is_SqlTimeout()
    {
        var target = MySqlTestServer.Target() with { CommandTimeout = TimeSpan.FromSeconds(1) };
        await using var session = await new MySqlTidbSqlSessionFactory().OpenAsync(target, default);

        var exception = await Record.ExceptionAsync(() => session.ExecuteAsync("SELECT SLEEP(5)", default));

        exception.Should().NotBeNull("SLEEP(5) must not finish within a 1 s command timeout");
        var failure = TiFlashSqlFailure.Classify(exception!, target);
        failure.Reason.Should().Be(TiFlashSqlReasons.SqlTimeout, exception!.ToString());
        failure.Retryable.Should().BeTrue();
        failure.Message.Should().NotContain(MySqlTestServer.Password);
    }

    [MySqlFact]
    public async Task A_statement_the_server_rejects_is_SqlFailed_with_nothing_applied()
    {
        // MariaDB has no SET TIFLASH REPLICA: BR's statement is a syntax error here, which exercises the ALTER path.
        var target = MySqlTestServer.Target();

        var result = await RestoreAsync(target);

        ShouldFail(result, TiFlashSqlReasons.SqlFailed, false, target);
        result.Message.Should().Contain("1064");
    }

    [MySqlFact]
    public async Task The_read_back_binds_schema_and_table_as_parameters_and_reads_the_columns()
    {
        var database = "sr_" + Guid.NewGuid().ToString("N");
        await using var connection = await TidbSqlConnector.OpenAsync(MySqlTestServer.Target(), default);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText =
                $"CREATE DATABASE `{database}`; " +
                $"CREATE TABLE `{database}`.tiflash_replica (TABLE_SCHEMA varchar(64), TABLE_NAME varchar(64), REPLICA_COUNT bigint unsigned, " +
                "LOCATION_LABELS varchar(64), AVAILABLE tinyint(1), PROGRESS double); " +
                $"INSERT INTO `{database}`.tiflash_replica VALUES ('test', 't1', 2, 'zone,rack', 1, 1), ('it''s `x`', 't''2', 1, '', 0, 0.5)";
            await setup.ExecuteNonQueryAsync();
        }

        try
        {
            var query = TiFlashReplicaStatements.CheckQuery.Replace("information_schema.tiflash_replica", $"`{database}`.tiflash_replica", StringComparison.Ordinal);
            await using var session = new MySqlTidbSqlSession(await TidbSqlConnector.OpenAsync(MySqlTestServer.Target(), default), query);

            (await session.QueryReplicaAsync("test", "t1", default)).Should().Be(new TiFlashReplicaRow("test", "t1", 2, "zone,rack", true));
            (await session.QueryReplicaAsync("it's `x`", "t'2", default)).Should().Be(new TiFlashReplicaRow("it's `x`", "t'2", 1, "", false));
            (await session.QueryReplicaAsync("test", "t1' OR '1'='1", default)).Should().BeNull();
            TiFlashReplicaCheck.Compare(Items[0], await session.QueryReplicaAsync("test", "t1", default)).Should().Be(TiFlashReplicaCheckResult.Matches);
        }
        finally
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE `{database}`";
            await drop.ExecuteNonQueryAsync();
        }
    }
}
