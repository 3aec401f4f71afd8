using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Shared;

/// <summary>
/// Builds a certificate chain that must end in one of a private CA's roots (a cluster's <c>ca.crt</c>), never in the
/// system store. Revocation is not checked: private cluster CAs publish no CRLs. Intermediates the peer presented help
/// to build the path; they are not trusted by being sent. Compiled into each project that checks TLS peers
/// (internal, so assemblies that reference two of them see no clash).
/// </summary>
internal static class PrivateRootChain
{
    /// <summary>True when the chain builds; otherwise false with the chain's status entries.</summary>
    public static bool Build(
        X509Certificate2 certificate,
        X509Certificate2Collection trustedRoots,
        X509Chain? presentedChain,
        out X509ChainStatus[] status)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var built = chain.Build(certificate);
        status = chain.ChainStatus;
        return built;
    }
}
