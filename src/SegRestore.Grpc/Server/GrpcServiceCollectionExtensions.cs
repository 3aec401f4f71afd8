using Microsoft.Extensions.DependencyInjection;

namespace SegRestore.Grpc.Server;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GrpcServerOptions"/> (like Grpc.AspNetCore's <c>AddGrpc</c>).</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        var builder = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services;
    }
}
