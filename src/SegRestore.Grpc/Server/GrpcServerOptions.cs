namespace SegRestore.Grpc.Server;

/// <summary>Server settings, shaped like Grpc.AspNetCore's <c>GrpcServiceOptions</c>.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (default 4 MiB); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; null means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Whether an unexpected handler exception's message goes to the client. Off by default: messages can carry
    /// internal details.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }
}
