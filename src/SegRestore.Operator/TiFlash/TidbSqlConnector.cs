using MySqlConnector;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// Opens MySqlConnector connections to TiDB's SQL port from a <see cref="TidbSqlTarget"/>, without a pool.
/// TLS material stays in memory: with a CA the connection requires TLS and the server's certificate must chain to that
/// CA (MySQL's VERIFY_CA: the host name is not checked); without TLS material TLS is used when TiDB offers it.
/// </summary>
/// <remarks>
/// MySqlConnector calls <see cref="MySqlConnection.RemoteCertificateValidationCallback"/> only in
/// <see cref="MySqlSslMode.Required"/> (or Preferred) mode, and verifies <see cref="MySqlSslMode.VerifyCA"/> only against
/// a CA file; so VERIFY_CA is done here, in <see cref="TidbSqlCertificates.ChainsToCa"/>, with SslMode Required.
/// </remarks>
public static class TidbSqlConnector
{
    /// <summary>What the operator tells TiDB it is (shown in its processlist).</summary>
    public const string ApplicationName = "segrestore-operator";

    /// <summary>The connection string for <paramref name="target"/> (it holds the password: never log it).</summary>
    public static MySqlConnectionStringBuilder ConnectionString(TidbSqlTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new MySqlConnectionStringBuilder
        {
            Server = target.Host,
            Port = checked((uint)target.Port),
            UserID = target.User,
            Password = target.Password,
            ConnectionTimeout = Seconds(target.ConnectTimeout),
            DefaultCommandTimeout = Seconds(target.CommandTimeout),
            Pooling = false,
            SslMode = VerifiesCa(target) ? MySqlSslMode.Required : MySqlSslMode.Preferred,
            ApplicationName = ApplicationName,
        };
    }

    /// <summary>Whether the server's certificate is checked against the CA of <see cref="TidbSqlTarget.Tls"/>.</summary>
    public static bool VerifiesCa(TidbSqlTarget target) => !string.IsNullOrWhiteSpace(target?.Tls?.CaPem);

    /// <summary>An unopened connection with the TLS callbacks for <paramref name="target"/>.</summary>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS material is not valid PEM.</exception>
    public static MySqlConnection Create(TidbSqlTarget target)
    {
        var connection = new MySqlConnection(ConnectionString(target).ConnectionString);
        if (target.Tls is not { } tls)
        {
            return connection;
        }

        if (VerifiesCa(target))
        {
            var ca = TidbSqlCertificates.LoadCa(tls.CaPem);
            connection.RemoteCertificateValidationCallback = (_, certificate, chain, _) => TidbSqlCertificates.ChainsToCa(certificate, chain, ca);
        }

        if (tls.HasClientCertificate)
        {
            var certificate = TidbSqlCertificates.LoadClientCertificate(tls.CertPem, tls.KeyPem);
            connection.ProvideClientCertificatesCallback = certificates =>
            {
                certificates.Add(certificate);
                return default;
            };
            connection.Disposed += (_, _) => certificate.Dispose();
        }

        return connection;
    }

    /// <summary>Opens a connection to <paramref name="target"/>; the caller disposes it.</summary>
    public static async Task<MySqlConnection> OpenAsync(TidbSqlTarget target, CancellationToken cancellationToken)
    {
        var connection = Create(target);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static uint Seconds(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? 0 : (uint)Math.Min(uint.MaxValue, Math.Ceiling(timeout.TotalSeconds));
}
