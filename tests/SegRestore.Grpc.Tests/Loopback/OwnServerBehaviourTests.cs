using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SegRestore.Grpc.Tests.Interop;
using SegRestore.Grpc.Tests.Interop.Messages;
using SegRestore.Grpc.Tests.Support;
using InteropGrpc = SegRestore.Grpc.Tests.Interop.Messages.Interop;

namespace SegRestore.Grpc.Tests.Loopback;

/// <summary>
/// Server behaviour beyond interop: authentication from metadata, error hiding, deadlines, cancellation, compression
/// and unknown methods as the gRPC spec words them, raw HTTP/2.
/// </summary>
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
        using var request = RawRequest(InteropMethods.UnaryPath, new EchoRequest { FailCode = 5, FailMessage = "missing 100%" });

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
        using var request = RawRequest(InteropMethods.UnaryPath, new EchoRequest { DelayMs = 20_000 });
        request.Headers.TryAddWithoutValidation("grpc-timeout", "200m");

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        response.Headers.GetValues("grpc-status").Should().Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Non_grpc_content_type_is_rejected_with_415_and_a_status()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.UnaryPath, new EchoRequest());
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Headers.GetValues("grpc-status").Should().Equal("13");
    }

    [Fact]
    public async Task Successful_unary_response_ends_with_status_in_trailers()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.UnaryPath, new EchoRequest { Text = "t" });

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStreamAsync();
        var message = await GrpcFrames.ReadMessageAsync(body);
        var end = await GrpcFrames.ReadMessageAsync(body);

        EchoReply.Parser.ParseFrom(message).Text.Should().Be("t");
        end.Should().BeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/grpc");
        response.TrailingHeaders.GetValues("grpc-status").Should().Equal("0");
    }

    [Fact]
    public async Task Keepalive_pings_during_a_slow_call_leave_it_intact()
    {
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { KeepAlivePingDelay = TimeSpan.FromSeconds(1), KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests },
        });

        var reply = await new InteropGrpc.InteropClient(channel).UnaryAsync(
            new EchoRequest { Text = "slow", DelayMs = 2500 }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60)));

        reply.Text.Should().Be("slow");
    }

    [Fact]
    public async Task Gzip_compressed_request_is_unimplemented_as_the_spec_requires_of_an_unsupported_encoding()
    {
        // Grpc.Net.Client compresses the request when this reserved header names an encoding.
        var call = () => Unary(new EchoRequest { Text = "zipped" }, new Metadata { { "grpc-internal-encoding-request", "gzip" } });

        var failure = (await call.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.Unimplemented);
        failure.Status.Detail.Should().Contain("gzip");
    }

    [Fact]
    public async Task Raw_gzip_flagged_message_is_answered_with_grpc_status_12()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest(InteropMethods.UnaryPath, new EchoRequest { Text = "t" }, compressed: true);
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        GrpcStatus(response).Should().Be("12");
        response.Headers.GetValues("grpc-accept-encoding").Single().Should().NotContain("gzip");
    }

    [Fact]
    public async Task Unknown_method_is_grpc_status_12_not_http_404()
    {
        using var http = RawHttp2Client();
        using var request = RawRequest($"/{InteropMethods.ServiceName}/DoesNotExist", new EchoRequest());

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        GrpcStatus(response).Should().Be("12");
    }

    [Fact]
    public async Task Unknown_service_is_grpc_status_12()
    {
        var call = () => _channel.CreateCallInvoker().AsyncUnaryCall(
            new Method<EchoRequest, EchoReply>(MethodType.Unary, "segrestore.nothing.Here", "Unary", InteropMethods.Missing.RequestMarshaller, InteropMethods.Missing.ResponseMarshaller),
            null,
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)),
            new EchoRequest()).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Client_deadline_reaches_the_handler_as_its_deadline()
    {
        var reply = await new InteropGrpc.InteropClient(_channel).UnaryAsync(
            new EchoRequest { Text = "deadline" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(3)));

        reply.SeenTimeoutMs.Should().BeInRange(1, 3_000, "the client's deadline travels as grpc-timeout and becomes the handler's");
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_handlers_token()
    {
        var text = $"cancel-{Guid.NewGuid():N}";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var call = () => new InteropGrpc.InteropClient(_channel).UnaryAsync(
            new EchoRequest { Text = text, DelayMs = 20_000 }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancel.Token)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        var seen = DateTime.UtcNow.AddSeconds(10);
        while (!InteropService.CancelledTexts.Contains(text) && DateTime.UtcNow < seen)
        {
            await Task.Delay(50);
        }

        InteropService.CancelledTexts.Should().Contain(text, "the client's RST_STREAM cancels the server handler's token");
    }

    [Fact]
    public async Task Request_over_the_default_receive_limit_is_resource_exhausted()
    {
        var call = () => Unary(new EchoRequest { Payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) });

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    public void Dispose() => _channel.Dispose();

    private Task<EchoReply> Unary(EchoRequest request, Metadata? headers = null) =>
        new InteropGrpc.InteropClient(_channel).UnaryAsync(request, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30))).ResponseAsync;

    /// <summary>grpc-status from a trailers-only response (headers) or from the trailers.</summary>
    private static string GrpcStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single() : response.TrailingHeaders.GetValues("grpc-status").Single();

    private static HttpClient RawHttp2Client() => new()
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private HttpRequestMessage RawRequest(string path, IMessage message, bool compressed = false)
    {
        var content = new ByteArrayContent(compressed ? GrpcFrames.Frame(Gzip(message.ToByteArray()), compressedFlag: true) : GrpcFrames.Frame(message));
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

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
