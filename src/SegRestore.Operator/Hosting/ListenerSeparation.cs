using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SegRestore.Operator.Hosting;

/// <summary>Applies <see cref="ListenerRules"/> between routing and the endpoint: the connection's local port tells
/// the listener.</summary>
public static class ListenerSeparation
{
    public static IApplicationBuilder UseListenerSeparation(this IApplicationBuilder app, int reporterPort) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint && !ListenerRules.Routes(Owner(endpoint), context.Connection.LocalPort == reporterPort))
            {
                context.SetEndpoint(null);
            }

            return next(context);
        });

    private static EndpointListener Owner(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpListenerEndpoint>() is not null ? EndpointListener.Http
        : endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null ? EndpointListener.Reporter
        : EndpointListener.Any;
}
