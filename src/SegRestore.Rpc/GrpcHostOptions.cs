using System.Net;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SegRestore.Rpc;

/// <summary>Where and how a <see cref="GrpcHost"/> listens.</summary>
public sealed class GrpcHostOptions
{
    /// <summary>The listen address; port 0 picks a free port (read it back from <see cref="GrpcHost.Address"/>).</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Loopback, 0);

    /// <summary>TLS (and optionally required client certificates); null serves h2c.</summary>
    public GrpcServerTls? Tls { get; set; }

    /// <summary>Grpc.AspNetCore's options: message size limits, interceptors, compression providers.</summary>
    public Action<GrpcServiceOptions>? ConfigureGrpc { get; set; }

    /// <summary>Services the gRPC services and interceptors need (e.g. an existing service instance).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Logging setup; by default the host logs nothing (it is embedded in a larger process or a test).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
