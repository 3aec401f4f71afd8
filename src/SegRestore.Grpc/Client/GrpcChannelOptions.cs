using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Grpc.Client;

/// <summary>Channel settings, shaped like Grpc.Net.Client's <c>GrpcChannelOptions</c>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest message the client accepts (default 4 MiB); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest message the client sends; null means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// CA certificates that server certificates must chain to (for https addresses). Null trusts the system store.
    /// </summary>
    public X509Certificate2Collection? RootCertificates { get; set; }

    /// <summary>Certificates (with private keys) offered to servers that ask for a client certificate.</summary>
    public X509Certificate2Collection? ClientCertificates { get; set; }

    /// <summary>Upper bound on establishing a connection (TCP and TLS handshake).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Idle time after which the client pings the server over HTTP/2, so a long-lived stream through a proxy or NAT
    /// stays open and a dead peer is noticed. At least one second; infinite (the default) sends no pings.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long a keepalive ping may go unanswered before the connection is closed.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A handler to send requests through instead of the channel's own <see cref="System.Net.Http.SocketsHttpHandler"/>
    /// (a test seam; TLS settings above are then ignored).
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/>.</summary>
    public bool DisposeHttpHandler { get; set; } = true;
}
