using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Net.Client;
using SegRestore.Rpc;
using SegRestore.Rpc;
using SegRestore.Grpc.Tests.Interop;
using SegRestore.Grpc.Tests.Interop.Messages;
using SegRestore.Grpc.Tests.Support;

namespace SegRestore.Grpc.Tests.Loopback;

/// <summary>Server behaviour beyond interop: authentication from metadata, error hiding, deadlines, raw HTTP/2.</summary>
public sealed class OwnServerBehaviourTests(OwnServerFixture server) : IClassFixture<OwnServerFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(server.Address);

    [Fact]
    public async Task Handler_reads_a_valid_bearer_token_from_metadata()
    {
        var reply = await Unary(new EchoRequest { Text = "hi" }, new Metadata { { "authorization", InteropService.ValidBearer } });

        reply.Text.Should().Be("hi");
    }

    [Fact]
    public async Task Wrong_bearer_token_is_unauthenticated()
    {
        var call = () => Unary(new EchoRequest(), new Metadata { { "authorization", "Bearer wrong" } });

        var failure = (await call.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.Unauthenticated);
        failure.Status.Detail.Should().Be("invalid bearer token");
    }

    [Fact]
    public async Task Unexpected_handler_exception_is_unknown_without_internal_details()
    {
        var call = () => Unary(new EchoRequest { Text = "throw" });

        var failure = (await call.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.Unknown);
        failure.Status.Detail.Should().Be("Exception was thrown by handler.");
    }

    [Fact]
    public async Task Failure_before_any_message_is_a_trailers_only_response()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.Unary.FullName, new EchoRequest { FailCode = 5, FailMessage = "missing 100%" });

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("grpc-status").Should().Equal("5");
        response.Headers.GetValues("grpc-message").Should().Equal("missing 100%25");
        body.Should().BeEmpty();
        response.TrailingHeaders.Should().BeEmpty();
    }

    [Fact]
    public async Task Server_ends_the_call_with_deadline_exceeded_from_grpc_timeout()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.Unary.FullName, new EchoRequest { DelayMs = 20_000 });
        request.Headers.TryAddWithoutValidation("grpc-timeout", "200m");

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        response.Headers.GetValues("grpc-status").Should().Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Non_grpc_content_type_is_rejected_with_415_and_a_status()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.Unary.FullName, new EchoRequest());
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Headers.GetValues("grpc-status").Should().Equal("13");
    }

    [Fact]
    public async Task Successful_unary_response_ends_with_status_in_trailers()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.Unary.FullName, new EchoRequest { Text = "t" });

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStreamAsync();
        var message = await MessageFrameReader.ReadMessageAsync(body, int.MaxValue, CancellationToken.None);
        var end = await MessageFrameReader.ReadMessageAsync(body, int.MaxValue, CancellationToken.None);

        EchoReply.Parser.ParseFrom(message).Text.Should().Be("t");
        end.Should().BeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/grpc");
        response.TrailingHeaders.GetValues("grpc-status").Should().Equal("0");
    }

    [Fact]
    public async Task Keepalive_pings_during_a_slow_call_leave_it_intact()
    {
        using var channel = GrpcChannel.ForAddress(
            server.Address, new GrpcChannelOptions { KeepAlivePingDelay = TimeSpan.FromSeconds(1) });

        var reply = await channel.CreateCallInvoker().UnaryAsync(
            InteropMethods.Unary, new EchoRequest { Text = "slow", DelayMs = 2500 }, new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(60)));

        reply.Text.Should().Be("slow");
    }

    public void Dispose() => _channel.Dispose();

    private Task<EchoReply> Unary(EchoRequest request, Metadata? headers = null) =>
        _channel.CreateCallInvoker().UnaryAsync(
            InteropMethods.Unary, request, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)));

    private static HttpClient RawHttp2Client() => new()
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private HttpRequestMessage RawRequest(string path, IMessage message)
    {
        var content = new ByteArrayContent(MessageFrameWriter.Frame(message, null));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }
}
