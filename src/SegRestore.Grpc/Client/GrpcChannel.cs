using System.Net;
using SegRestore.Grpc.Tls;

namespace SegRestore.Grpc.Client;

/// <summary>
/// A connection target for gRPC calls over HTTP/2, shaped like Grpc.Net.Client's <c>GrpcChannel</c>.
/// <c>http://</c> addresses use h2c with prior knowledge; <c>https://</c> addresses use TLS with ALPN h2.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpMessageHandler _handler;
    private readonly bool _disposeHandler;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        _handler = options.HttpHandler ?? CreateHandler(options);
        _disposeHandler = options.HttpHandler is null || options.DisposeHttpHandler;
        Invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
    }

    /// <summary>The base address (scheme, host, port) every method path is appended to.</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException(
                $"gRPC address '{address}' is not an absolute URI; use http://host:port (h2c) or https://host:port (TLS).",
                nameof(address));
        }

        return ForAddress(uri, options);
    }

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"gRPC address '{address.OriginalString}' has scheme '{address.Scheme}'; use http (h2c) or https (TLS).", nameof(address));
        }

        return new GrpcChannel(new Uri(address.GetLeftPart(UriPartial.Authority)), options ?? new GrpcChannelOptions());
    }

    public CallInvoker CreateCallInvoker() => new(this);

    public void Dispose()
    {
        Invoker.Dispose();
        if (_disposeHandler)
        {
            _handler.Dispose();
        }
    }

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
        };
        var roots = options.RootCertificates;
        handler.SslOptions.RemoteCertificateValidationCallback =
            (_, certificate, chain, errors) => CertificateTrust.IsServerCertificateValid(certificate, chain, errors, roots);
        if (options.ClientCertificates is { Count: > 0 } clientCertificates)
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
