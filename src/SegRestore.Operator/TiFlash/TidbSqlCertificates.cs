using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// The TLS material of <see cref="TidbSqlTls"/> in memory: the CA that TiDB's server certificate must chain to, and the
/// client certificate with its key. Nothing is written to disk.
/// </summary>
public static class TidbSqlCertificates
{
    /// <summary>The certificates of a PEM bundle (ca.crt may hold more than one).</summary>
    /// <exception cref="AuthenticationException">The text holds no PEM certificate.</exception>
    public static X509Certificate2Collection LoadCa(string caPem)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(caPem ?? string.Empty);
        }
        catch (CryptographicException ex)
        {
            throw new AuthenticationException("ca.crt of the TLS secret is not a PEM certificate: " + ex.Message, ex);
        }

        return collection.Count > 0
            ? collection
            : throw new AuthenticationException("ca.crt of the TLS secret holds no PEM certificate");
    }

    /// <summary>The client certificate with its private key, from tls.crt and tls.key.</summary>
    /// <exception cref="AuthenticationException">The texts are not a PEM certificate and its matching key.</exception>
    public static X509Certificate2 LoadClientCertificate(string certPem, string keyPem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException ex)
        {
            // The message of CreateFromPem says what was wrong with the PEM, not what the key is.
            throw new AuthenticationException("tls.crt and tls.key of the TLS secret are not a PEM certificate and its key: " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> (with the intermediates the server sent in <paramref name="presented"/>)
    /// chains to one of <paramref name="ca"/>. The host name is not checked (MySQL's VERIFY_CA), nor revocation.
    /// </summary>
    public static bool ChainsToCa(X509Certificate? certificate, X509Chain? presented, X509Certificate2Collection ca)
    {
        ArgumentNullException.ThrowIfNull(ca);
        if (certificate is null)
        {
            return false;
        }

        if (certificate is X509Certificate2 certificate2)
        {
            return SegRestore.Shared.PrivateRootChain.Build(certificate2, ca, presented, out _);
        }

        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return SegRestore.Shared.PrivateRootChain.Build(copy, ca, presented, out _);
    }
}
