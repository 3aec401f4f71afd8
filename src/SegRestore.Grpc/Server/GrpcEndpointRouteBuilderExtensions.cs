using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SegRestore.Grpc.Server;

/// <summary>
/// Maps gRPC methods onto ASP.NET Core endpoints (<c>POST /package.Service/Method</c>). Grpc.AspNetCore binds a
/// generated service class with <c>MapGrpcService&lt;T&gt;()</c>; here each method is mapped with its handler.
/// </summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    public static IEndpointConventionBuilder MapGrpcUnary<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, method, MethodType.Unary, async (context, requests, responses) =>
        {
            var request = await requests.ReadSingleAsync().ConfigureAwait(false);
            var response = await handler(request, context).ConfigureAwait(false);
            await responses.WriteAsync(response).ConfigureAwait(false);
        });
    }

    public static IEndpointConventionBuilder MapGrpcServerStreaming<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, method, MethodType.ServerStreaming, async (context, requests, responses) =>
        {
            var request = await requests.ReadSingleAsync().ConfigureAwait(false);
            await handler(request, responses, context).ConfigureAwait(false);
        });
    }

    public static IEndpointConventionBuilder MapGrpcClientStreaming<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, method, MethodType.ClientStreaming, async (context, requests, responses) =>
        {
            var response = await handler(requests, context).ConfigureAwait(false);
            await responses.WriteAsync(response).ConfigureAwait(false);
        });
    }

    public static IEndpointConventionBuilder MapGrpcDuplexStreaming<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, method, MethodType.DuplexStreaming, (context, requests, responses) => handler(requests, responses, context));
    }

    private static IEndpointConventionBuilder Map<TRequest, TResponse>(
        IEndpointRouteBuilder endpoints,
        Method<TRequest, TResponse> method,
        MethodType expectedType,
        ServerCallHandler<TRequest, TResponse>.CallBody body)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != expectedType)
        {
            throw new ArgumentException(
                $"Method {method.FullName} is declared {method.Type} but was mapped as {expectedType}.", nameof(method));
        }

        var services = endpoints.ServiceProvider;
        var options = services.GetService<IOptions<GrpcServerOptions>>()?.Value ?? new GrpcServerOptions();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("SegRestore.Grpc.Server") ?? NullLogger.Instance;
        var handler = new ServerCallHandler<TRequest, TResponse>(method, options, logger);
        return endpoints.MapPost(method.FullName, (RequestDelegate)(httpContext => handler.HandleAsync(httpContext, body)))
            .WithDisplayName($"gRPC {method.FullName}");
    }
}
