using System.Net.Sockets;
using System.Security.Authentication;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>How SQL failures become a reason, whether they are retried, and that no message carries the password.</summary>
public sealed class TiFlashSqlFailureTests
{
    private const string Password = "s3cret-Pa55word";
    private static readonly TidbSqlTarget Target = new("tidb.prod.svc", 4000, "restorer", Password);

    private const string NotEnoughServers = "the tiflash replica count: 2 should be less than the total tiflash server count: 1";

    public static TheoryData<int?, string, Exception, string, bool> Cases => new()
    {
        { 1045, "Access denied for user 'restorer'@'10.0.0.1' (using password: YES)", new InvalidOperationException("x"), TiFlashSqlReasons.SqlAccessDenied, false },
        { 1142, "ALTER command denied to user 'restorer'@'%' for table 't1'", new InvalidOperationException("x"), TiFlashSqlReasons.SqlPermissionDenied, false },
        { 1227, "Access denied; you need (at least one of) the SUPER privilege(s)", new InvalidOperationException("x"), TiFlashSqlReasons.SqlPermissionDenied, false },
        { 1044, "Access denied for user 'restorer'@'%' to database 'test'", new InvalidOperationException("x"), TiFlashSqlReasons.SqlPermissionDenied, false },
        { 1105, NotEnoughServers, new InvalidOperationException("x"), TiFlashSqlReasons.TiFlashNotReady, true },
        { 8200, "[ddl] " + NotEnoughServers.ToUpperInvariant(), new InvalidOperationException("x"), TiFlashSqlReasons.TiFlashNotReady, true },
        { 1042, "Unable to connect to any of the specified MySQL hosts.", new InvalidOperationException("x"), TiFlashSqlReasons.SqlUnreachable, true },
        { 1042, "Connect Timeout expired.", new InvalidOperationException("x"), TiFlashSqlReasons.SqlUnreachable, true },
        { null, "Connection refused", new SocketException((int)SocketError.ConnectionRefused), TiFlashSqlReasons.SqlUnreachable, true },
        { 1042, "Unable to connect", new InvalidOperationException("outer", new SocketException((int)SocketError.HostNotFound)), TiFlashSqlReasons.SqlUnreachable, true },
        { null, "Unable to read data from the transport connection", new IOException("Unable to read data from the transport connection"), TiFlashSqlReasons.SqlUnreachable, true },
        { -1, "The Command Timeout expired before the operation completed.", new InvalidOperationException("x"), TiFlashSqlReasons.SqlTimeout, true },
        { null, "The operation has timed out.", new TimeoutException("The operation has timed out."), TiFlashSqlReasons.SqlTimeout, true },
        { null, "The operation was canceled.", new OperationCanceledException("The operation was canceled."), TiFlashSqlReasons.SqlTimeout, true },
        { 1042, "SSL Authentication Error", new InvalidOperationException("SSL Authentication Error", new AuthenticationException("The remote certificate was rejected")), TiFlashSqlReasons.SqlTlsFailed, false },
        { null, "The remote certificate is invalid", new AuthenticationException("The remote certificate is invalid"), TiFlashSqlReasons.SqlTlsFailed, false },
        { 1042, "MySQL Server rejected client certificate", new InvalidOperationException("x", new IOException("Received an unexpected EOF")), TiFlashSqlReasons.SqlTlsFailed, false },
        { 1042, "Server does not support SSL", new InvalidOperationException("x"), TiFlashSqlReasons.SqlTlsFailed, false },
        { null, "The SSL connection could not be established", new IOException("The SSL connection could not be established"), TiFlashSqlReasons.SqlTlsFailed, false },
        { 1064, "You have an error in your SQL syntax", new InvalidOperationException("x"), TiFlashSqlReasons.SqlFailed, false },
        { 1146, "Table 'test.t1' doesn't exist", new InvalidOperationException("x"), TiFlashSqlReasons.SqlFailed, false },
        { null, "something else", new InvalidOperationException("something else"), TiFlashSqlReasons.SqlFailed, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failure_gets_its_reason_and_retry_decision(int? number, string message, Exception exception, string reason, bool retryable)
    {
        var failure = TiFlashSqlFailure.Classify(number, message, exception, Target);

        failure.Reason.Should().Be(reason);
        failure.Retryable.Should().Be(retryable);
        failure.Message.Should().Contain("tidb.prod.svc:4000").And.Contain("restorer");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_message_carries_the_password_even_when_the_server_echoes_it(int? number, string message, Exception exception, string reason, bool retryable)
    {
        _ = (reason, retryable);
        var echoed = message + " near '" + Password + "'";
        var wrapped = new InvalidOperationException("outer " + Password, exception);

        TiFlashSqlFailure.Classify(number, echoed, exception, Target).Message.Should().NotContain(Password);
        TiFlashSqlFailure.Classify(number, echoed, wrapped, Target).Message.Should().NotContain(Password);
        TiFlashSqlFailure.Classify(wrapped, Target).Message.Should().NotContain(Password);
    }

    [Theory]
    [InlineData(TiFlashSqlReasons.SqlAccessDenied, 1045, "user and password keys in the SQL Secret")]
    [InlineData(TiFlashSqlReasons.SqlPermissionDenied, 1142, "GRANT ALTER")]
    public void The_message_says_what_to_fix(string reason, int number, string fix)
    {
        var failure = TiFlashSqlFailure.Classify(number, "denied", new InvalidOperationException("denied"), Target);

        failure.Reason.Should().Be(reason);
        failure.Message.Should().Contain(fix);
    }

    [Fact]
    public void A_TLS_failure_names_the_CA_in_the_client_secret()
    {
        var failure = TiFlashSqlFailure.Classify(new AuthenticationException("The remote certificate was rejected"), Target);

        failure.Reason.Should().Be(TiFlashSqlReasons.SqlTlsFailed);
        failure.Message.Should().Contain("CA in the cluster's client secret must sign TiDB's server certificate");
    }

    [Fact]
    public void An_exception_without_a_MySQL_error_is_classified_by_its_kind()
    {
        TiFlashSqlFailure.Classify(new InvalidOperationException("x", new SocketException((int)SocketError.ConnectionRefused)), Target)
            .Reason.Should().Be(TiFlashSqlReasons.SqlUnreachable);
        TiFlashSqlFailure.Classify(new AggregateException(new TimeoutException()), Target).Reason.Should().Be(TiFlashSqlReasons.SqlTimeout);
        TiFlashSqlFailure.Classify(new InvalidOperationException(NotEnoughServers), Target).Reason.Should().Be(TiFlashSqlReasons.TiFlashNotReady);
    }
}
