using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SegRestore.Grpc.Client;
using SegRestore.Grpc.Server;
using SegRestore.Grpc.Tests.Interop;
using SegRestore.Grpc.Tests.Interop.Messages;

namespace SegRestore.Grpc.Tests.Loopback;

/// <summary>Servers built for one test: limits, deadline propagation to handlers, mapping errors.</summary>
public sealed class ServerOptionsTests
{
    [Fact]
    public async Task Configured_server_receive_limit_rejects_larger_requests()
    {
        await using var host = await GrpcHost.StartAsync(
            new GrpcHostOptions { ConfigureGrpc = o => o.MaxReceiveMessageSize = 1024 }, InteropService.Map);
        using var channel = GrpcChannel.ForAddress(host.Address);
        var calls = channel.CreateCallInvoker();

        var small = await calls.UnaryAsync(InteropMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[512]) }, Within30s());
        var large = () => calls.UnaryAsync(InteropMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[2048]) }, Within30s());

        small.Payload.Length.Should().Be(512);
        (await large.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task Handler_token_is_cancelled_at_the_callers_deadline()
    {
        var handlerSawCancellation = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await GrpcHost.StartAsync(new GrpcHostOptions(), endpoints =>
            endpoints.MapGrpcUnary(InteropMethods.Unary, async (EchoRequest _, ServerCallContext context) =>
            {
                context.Deadline.Should().BeBefore(DateTime.UtcNow.AddSeconds(5));
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(2), context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    handlerSawCancellation.TrySetResult(DateTime.UtcNow);
                    throw;
                }

                return new EchoReply();
            }));
        using var channel = GrpcChannel.ForAddress(host.Address);

        var call = () => channel.CreateCallInvoker().UnaryAsync(
            InteropMethods.Unary, new EchoRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(300)));

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        await handlerSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Mapping_a_method_with_the_wrong_kind_is_refused()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var map = () => app.MapGrpcUnary(InteropMethods.ServerStream, (EchoRequest r, ServerCallContext c) => Task.FromResult(new EchoReply()));

        map.Should().Throw<ArgumentException>().WithMessage("*ServerStreaming*Unary*");
    }

    private static CallOptions Within30s() => new(Deadline: DateTime.UtcNow.AddSeconds(30));
}
