using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s;
using SegRestore.Shared;

namespace SegRestore.Kube.Client;

/// <summary>
/// Builds the one <see cref="SocketsHttpHandler"/> a client shares for all its requests, with the server trust and
/// client certificate of an official <see cref="KubernetesClientConfiguration"/>. Credentials are not the handler's:
/// the client applies the official <c>ServiceClientCredentials</c> to each request.
/// </summary>
public static class KubernetesHttpHandler
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var handler = new SocketsHttpHandler
        {
            // Long-lived watches each hold a connection; keep the pool unbounded and recycle idle ones.
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        configuration.FirstMessageHandlerSetup?.Invoke(handler);
        if (KubeConfiguration.HostUri(configuration).Scheme != Uri.UriSchemeHttps)
        {
            return handler;
        }

        if (configuration.TlsServerName is not null)
        {
            handler.SslOptions.TargetHost = configuration.TlsServerName;
        }

        if (ClientCertificates.From(configuration) is { } clientCertificate)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        if (configuration.SkipTlsVerify)
        {
            // insecure-skip-tls-verify is an explicit opt-in of the kubeconfig's author (local clusters).
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (configuration.SslCaCerts is { Count: > 0 } roots)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                IsTrustedByAuthorities(certificate as X509Certificate2, chain, errors, roots);
        }

        return handler;
    }

    /// <summary>
    /// Accepts a server certificate that chains to one of <paramref name="roots"/> (and only those) and names the host.
    /// </summary>
    public static bool IsTrustedByAuthorities(
        X509Certificate2? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch
            | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        return PrivateRootChain.Build(certificate, roots, presented, out _);
    }
}
