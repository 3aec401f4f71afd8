using System.Text;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// TLS to TiDB's SQL port, from a Kubernetes TLS Secret: <c>ca.crt</c> (the CA that signed TiDB's server certificate),
/// <c>tls.crt</c> and <c>tls.key</c> (the client certificate, when TiDB asks for one; empty strings mean none).
/// </summary>
/// <param name="CaPem">PEM text of the CA certificate(s) the server's certificate must chain to.</param>
/// <param name="CertPem">PEM text of the client certificate, or empty.</param>
/// <param name="KeyPem">PEM text of the client certificate's private key, or empty. Never printed.</param>
public sealed record TidbSqlTls(string CaPem, string CertPem, string KeyPem)
{
    /// <summary>Whether a client certificate is given (both its certificate and its key).</summary>
    public bool HasClientCertificate => !string.IsNullOrWhiteSpace(CertPem) && !string.IsNullOrWhiteSpace(KeyPem);

    public override string ToString()
    {
        var builder = new StringBuilder("TidbSqlTls { ");
        PrintMembers(builder);
        return builder.Append(" }").ToString();
    }

    // The record's generated printer would print the key; this one says only how much text each part has.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CaPem = ").Append(Describe(CaPem))
            .Append(", CertPem = ").Append(Describe(CertPem))
            .Append(", KeyPem = ").Append(string.IsNullOrEmpty(KeyPem) ? "(none)" : "***");
        return true;
    }

    private static string Describe(string? pem) =>
        string.IsNullOrEmpty(pem) ? "(none)" : FormattableString.Invariant($"({pem.Length} chars)");
}
