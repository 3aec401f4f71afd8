using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using SegRestore.Grpc.Tests.Interop;
using SegRestore.Grpc.Tests.Interop.Messages;
using SegRestore.Grpc.Tests.Support;
using SegRestore.Rpc;
using InteropGrpc = SegRestore.Grpc.Tests.Interop.Messages.Interop;

namespace SegRestore.Grpc.Tests.Loopback;

/// <summary>Servers built for one test: limits, deadline propagation to handlers, detailed errors.</summary>
public sealed class ServerOptionsTests
{
    [Fact]
    public async Task Configured_server_receive_limit_rejects_larger_requests()
    {
        await using var host = await GrpcHost.StartAsync(
            new GrpcHostOptions { ConfigureGrpc = o => o.MaxReceiveMessageSize = 1024 }, endpoints => endpoints.MapGrpcService<InteropService>());
        using var channel = GrpcChannel.ForAddress(host.Address);
        var calls = new InteropGrpc.InteropClient(channel);

        var small = await calls.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[512]) }, Within30s());
        var large = () => calls.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2048]) }, Within30s()).ResponseAsync;

        small.Payload.Length.Should().Be(512);
        (await large.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task Handler_token_is_cancelled_at_the_grpc_timeout_deadline()
    {
        var deadlineSeen = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancellationSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await new ScriptedInteropService(unary: async (_, context) =>
            {
                deadlineSeen.TrySetResult(context.Deadline);
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(2), context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancellationSeen.TrySetResult();
                    throw;
                }

                return new EchoReply();
            }).StartAsync();

        // A raw HTTP/2 client that never cancels by itself: only the server's own deadline can end this call.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, InteropMethods.UnaryPath))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcFrames.Frame(new EchoRequest())),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "300m");
        var sent = DateTime.UtcNow;

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        (await deadlineSeen.Task.WaitAsync(TimeSpan.FromSeconds(60))).Should().BeAfter(sent).And.BeBefore(DateTime.UtcNow.AddSeconds(1));
        await cancellationSeen.Task.WaitAsync(TimeSpan.FromSeconds(60));
        response.Headers.GetValues("grpc-status").Should().Equal("4");
    }

    [Fact]
    public async Task Deadline_ends_the_call_even_when_the_handler_ignores_its_token()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerWriteFailed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await new ScriptedInteropService(serverStream: async (_, responses, context) =>
            {
                await responses.WriteAsync(new EchoReply { Text = "before the deadline" });
                await release.Task; // deliberately deaf to context.CancellationToken
                try
                {
                    await responses.WriteAsync(new EchoReply { Text = "too late" });
                }
                catch (Exception ex)
                {
                    handlerWriteFailed.TrySetResult(ex);
                    throw;
                }
            }).StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, InteropMethods.ServerStreamPath))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcFrames.Frame(new EchoRequest())),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "300m");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStreamAsync();
        var first = await GrpcFrames.ReadMessageAsync(body);
        var end = await GrpcFrames.ReadMessageAsync(body);
        release.SetResult();

        EchoReply.Parser.ParseFrom(first).Text.Should().Be("before the deadline");
        end.Should().BeNull("the server ended the stream at the deadline while the handler was still waiting");
        response.TrailingHeaders.GetValues("grpc-status").Should().Equal("4");
        (await handlerWriteFailed.Task.WaitAsync(TimeSpan.FromSeconds(60))).Should().Match<Exception>(
            e => e is InvalidOperationException || e is OperationCanceledException, "a write after the deadline must not reach the client");
    }

    [Fact]
    public async Task Detailed_errors_pass_the_exception_message_when_enabled()
    {
        await using var host = await GrpcHost.StartAsync(
            new GrpcHostOptions { ConfigureGrpc = o => o.EnableDetailedErrors = true }, endpoints => endpoints.MapGrpcService<InteropService>());
        using var channel = GrpcChannel.ForAddress(host.Address);

        var call = () => new InteropGrpc.InteropClient(channel).UnaryAsync(new EchoRequest { Text = "throw" }, Within30s()).ResponseAsync;

        var failure = (await call.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.Unknown);
        failure.Status.Detail.Should().Be(
            "Exception was thrown by handler. InvalidOperationException: internal detail that must not reach the client");
    }

    private static CallOptions Within30s() => new(deadline: DateTime.UtcNow.AddSeconds(30));
}
