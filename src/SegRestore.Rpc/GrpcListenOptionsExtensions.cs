using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using SegRestore.Rpc.Tls;

namespace SegRestore.Rpc;

public static class GrpcListenOptionsExtensions
{
    /// <summary>
    /// Makes a Kestrel endpoint speak gRPC: HTTP/2 only. Without TLS that is h2c with prior knowledge (a plain
    /// endpoint cannot negotiate HTTP/2); with TLS, ALPN offers h2 only.
    /// </summary>
    public static ListenOptions UseGrpc(this ListenOptions listenOptions, GrpcServerTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        listenOptions.Protocols = HttpProtocols.Http2;
        if (tls is null)
        {
            return listenOptions;
        }

        var https = new HttpsConnectionAdapterOptions { ServerCertificate = tls.ServerCertificate };
        if (tls.ClientCertificateAuthorities is { Count: > 0 } authorities)
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, chain, errors) => CertificateTrust.ChainsTo(certificate, authorities, chain, out _);
        }

        return listenOptions.UseHttps(https);
    }
}
