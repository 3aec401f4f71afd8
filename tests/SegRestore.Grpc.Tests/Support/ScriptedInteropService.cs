using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Grpc.Tests.Interop.Messages;
using SegRestore.Rpc;
using InteropGrpc = SegRestore.Grpc.Tests.Interop.Messages.Interop;

namespace SegRestore.Grpc.Tests.Support;

/// <summary>An interop service whose handlers a test writes inline; methods it leaves out are unimplemented.</summary>
public sealed class ScriptedInteropService(
    Func<EchoRequest, ServerCallContext, Task<EchoReply>>? unary = null,
    Func<EchoRequest, IServerStreamWriter<EchoReply>, ServerCallContext, Task>? serverStream = null) : InteropGrpc.InteropBase
{
    public override Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) =>
        unary is null ? base.Unary(request, context) : unary(request, context);

    public override Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context) =>
        serverStream is null ? base.ServerStream(request, responseStream, context) : serverStream(request, responseStream, context);

    /// <summary>A host serving this instance.</summary>
    public Task<GrpcHost> StartAsync() => GrpcHost.StartAsync(
        new GrpcHostOptions { ConfigureServices = services => services.AddSingleton(this) },
        endpoints => endpoints.MapGrpcService<ScriptedInteropService>());
}
