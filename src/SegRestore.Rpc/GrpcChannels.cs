using System.Net;
using Grpc.Net.Client;
using SegRestore.Rpc.Tls;

namespace SegRestore.Rpc;

/// <summary>
/// Builds Grpc.Net.Client channels the way every SegRestore client needs them: <c>http://</c> is h2c with prior
/// knowledge, <c>https://</c> is TLS trusting the configured private CA (never the system store when one is given),
/// no proxy, and a bounded connect time. One channel per target is meant to be kept and reused.
/// </summary>
public static class GrpcChannels
{
    public static GrpcChannel ForAddress(Uri address, GrpcChannelSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"gRPC address '{address.OriginalString}' has scheme '{address.Scheme}'; use http (h2c) or https (TLS).", nameof(address));
        }

        settings ??= new GrpcChannelSettings();
        return GrpcChannel.ForAddress(new Uri(address.GetLeftPart(UriPartial.Authority)), new GrpcChannelOptions
        {
            HttpHandler = CreateHandler(settings),
            DisposeHttpClient = true,
            MaxReceiveMessageSize = settings.MaxReceiveMessageSize,
            MaxSendMessageSize = settings.MaxSendMessageSize,
        });
    }

    private static SocketsHttpHandler CreateHandler(GrpcChannelSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.ConnectTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
        };
        var roots = settings.RootCertificates;
        handler.SslOptions.RemoteCertificateValidationCallback =
            (_, certificate, chain, errors) => CertificateTrust.IsServerCertificateValid(certificate, chain, errors, roots);
        if (settings.ClientCertificates is { Count: > 0 } clientCertificates)
        {
            handler.SslOptions.ClientCertificates = clientCertificates;

            // Present the configured certificate even when the server's list of acceptable issuers does not name its
            // CA directly (an intermediate, or a server that sends no list): the server decides, not a guess here.
            var certificate = clientCertificates[0];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        return handler;
    }
}
