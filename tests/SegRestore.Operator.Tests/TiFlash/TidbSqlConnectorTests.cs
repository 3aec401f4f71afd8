using MySqlConnector;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>The connection string built from a target (no server needed).</summary>
public sealed class TidbSqlConnectorTests
{
    public static TheoryData<TidbSqlTls?, MySqlSslMode> SslModes => new()
    {
        { null, MySqlSslMode.Preferred },
        { new TidbSqlTls("", "", ""), MySqlSslMode.Preferred },
        { new TidbSqlTls("-----BEGIN CERTIFICATE-----", "", ""), MySqlSslMode.Required },
        { new TidbSqlTls("-----BEGIN CERTIFICATE-----", "cert", "key"), MySqlSslMode.Required },
    };

    [Theory]
    [MemberData(nameof(SslModes))]
    public void A_CA_makes_TLS_required_and_verified_otherwise_TLS_is_preferred(TidbSqlTls? tls, MySqlSslMode mode) =>
        TidbSqlConnector.ConnectionString(new TidbSqlTarget("h", 4000, "u", "p", tls)).SslMode.Should().Be(mode);

    [Theory]
    [InlineData(10_000, 30_000, 10u, 30u)]
    [InlineData(1_500, 999, 2u, 1u)]
    [InlineData(0, 0, 0u, 0u)]
    public void Timeouts_are_whole_seconds_rounded_up(int connectMs, int commandMs, uint connect, uint command)
    {
        var target = new TidbSqlTarget("tidb.ns.svc", 4000, "restorer", "pw")
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(connectMs),
            CommandTimeout = TimeSpan.FromMilliseconds(commandMs),
        };

        var builder = TidbSqlConnector.ConnectionString(target);

        builder.Should().BeEquivalentTo(new
        {
            Server = "tidb.ns.svc",
            Port = 4000u,
            UserID = "restorer",
            Password = "pw",
            ConnectionTimeout = connect,
            DefaultCommandTimeout = command,
            Pooling = false,
        });
    }

    [Fact]
    public void TLS_text_that_is_not_PEM_fails_as_TLS_without_printing_the_key()
    {
        var target = new TidbSqlTarget("h", 4000, "u", "pw", new TidbSqlTls("not a certificate", "", ""));

        var act = () => TidbSqlConnector.Create(target);

        var failure = TiFlashSqlFailure.Classify(act.Should().Throw<Exception>().Which, target);
        failure.Reason.Should().Be(TiFlashSqlReasons.SqlTlsFailed);
    }
}
