using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace SegRestore.Rpc;

/// <summary>Grpc.AspNetCore as every SegRestore server runs it, in whichever Kestrel host carries it.</summary>
public static class GrpcServerServices
{
    /// <summary>
    /// <c>AddGrpc</c> with <paramref name="configure"/> (message limits, interceptors), and no message compression:
    /// SegRestore's peers send none, and a compressed request is then refused with Unimplemented, as the gRPC spec
    /// requires of a server that does not support the encoding. The clearing runs after AddGrpc's own setup, which puts
    /// gzip back into an empty list.
    /// </summary>
    public static IServiceCollection AddSegRestoreGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        services.AddGrpc(grpc => configure?.Invoke(grpc));
        services.PostConfigure<GrpcServiceOptions>(grpc => grpc.CompressionProviders.Clear());
        return services;
    }
}
