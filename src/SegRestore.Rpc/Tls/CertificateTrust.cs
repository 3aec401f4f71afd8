using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SegRestore.Shared;

namespace SegRestore.Rpc.Tls;

/// <summary>
/// Validates a peer certificate against a private CA (a cluster's <c>ca.crt</c>) instead of the system store: the
/// chain must end in one of <c>trustedRoots</c>. Revocation is not checked: private cluster CAs publish no CRLs.
/// </summary>
public static class CertificateTrust
{
    /// <summary>True when <paramref name="certificate"/> chains to one of <paramref name="trustedRoots"/>.</summary>
    public static bool ChainsTo(
        X509Certificate2 certificate,
        X509Certificate2Collection trustedRoots,
        X509Chain? presentedChain,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(trustedRoots);
        if (PrivateRootChain.Build(certificate, trustedRoots, presentedChain, out var status))
        {
            error = null;
            return true;
        }

        error = string.Join("; ", status.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"));
        return false;
    }

    /// <summary>
    /// A client-side server-certificate check: with no custom roots the platform's verdict stands; with custom roots
    /// the host name must still match and the chain must end in one of them.
    /// </summary>
    public static bool IsServerCertificateValid(
        X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors,
        X509Certificate2Collection? trustedRoots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (trustedRoots is null || certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var leaf = new X509Certificate2(certificate);
        return ChainsTo(leaf, trustedRoots, chain, out _);
    }
}
