using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Rpc;

/// <summary>What <see cref="GrpcChannels.ForAddress"/> builds a channel with: limits, TLS trust, connection timing.</summary>
public sealed class GrpcChannelSettings
{
    /// <summary>Largest message the client accepts (Grpc.Net.Client's default is 4 MiB); null keeps the default.</summary>
    public int? MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest message the client sends; null means no limit.</summary>
    public int? MaxSendMessageSize { get; init; }

    /// <summary>CA certificates that server certificates must chain to (https addresses); null trusts the system store.</summary>
    public X509Certificate2Collection? RootCertificates { get; init; }

    /// <summary>Certificates (with private keys) offered to servers that ask for a client certificate (mutual TLS).</summary>
    public X509Certificate2Collection? ClientCertificates { get; init; }

    /// <summary>Upper bound on establishing a connection (TCP and TLS handshake).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
