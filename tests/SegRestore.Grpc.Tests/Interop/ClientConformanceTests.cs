using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SegRestore.Grpc.Tests.Interop.Messages;
using InteropGrpc = SegRestore.Grpc.Tests.Interop.Messages.Interop;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>
/// What the project's client must do against any conforming gRPC server. Run against grpc-js
/// (<see cref="ClientAgainstGrpcJsServerTests"/>) and against the project's own server
/// (<see cref="ClientAgainstOwnServerTests"/>).
/// </summary>
public abstract class ClientConformanceTests : IDisposable
{
    private const int FourMiB = 4 * 1024 * 1024;
    private const string NonAsciiMessage = "ünïcödé 100% wrong\nsecond line ✓";

    private readonly Uri _address;
    private readonly GrpcChannel _channel;

    protected ClientConformanceTests(Uri address)
    {
        _address = address;
        _channel = GrpcChannel.ForAddress(address);
        Calls = new InteropGrpc.InteropClient(_channel);
    }

    protected InteropGrpc.InteropClient Calls { get; }

    /// <summary>The value each server puts in the <c>x-failure</c> trailer of a failed call.</summary>
    protected abstract string FailureTrailer { get; }

    [Fact]
    public async Task Unary_round_trips_text_payload_and_metadata_both_ways()
    {
        var headers = new Metadata { { "x-text", "plain ascii value" }, { "x-data-bin", new byte[] { 0, 1, 2, 255 } } };
        using var call = Calls.UnaryAsync(new EchoRequest { Text = "héllo wörld", Payload = ByteString.CopyFromUtf8("abc") }, Within(30).WithHeaders(headers));

        var reply = await call;

        reply.Text.Should().Be("héllo wörld");
        reply.Payload.ToStringUtf8().Should().Be("abc");
        reply.SeenTextHeader.Should().Be("plain ascii value");
        reply.SeenBinaryHeader.ToByteArray().Should().Equal(0, 1, 2, 255);
        reply.SeenTimeoutMs.Should().BeInRange(1, 30_000, "the deadline travels as grpc-timeout");
        (await call.ResponseHeadersAsync).GetValue("x-handler").Should().Be("unary");
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
        call.GetTrailers().GetValueBytes("x-trailer-bin").Should().Equal(1, 2, 3, 254);
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        using var call = Calls.ServerStream(new EchoRequest { Text = "item", Count = 5 }, Within(30));

        var texts = await call.ResponseStream.ReadAllAsync().Select(r => $"{r.Index}:{r.Text}").ToListAsync();

        texts.Should().Equal("0:item-0", "1:item-1", "2:item-2", "3:item-3", "4:item-4");
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Server_streaming_error_after_messages_arrives_in_trailers()
    {
        using var call = Calls.ServerStream(new EchoRequest { Text = "item", Count = 2, FailCode = (int)StatusCode.Aborted, FailMessage = "stream aborted after 2" }, Within(30));
        var received = new List<string>();

        var read = async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                received.Add(reply.Text);
            }
        };

        var failure = (await read.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.Aborted);
        failure.Status.Detail.Should().Be("stream aborted after 2");
        failure.Trailers.GetValue("x-failure").Should().Be(FailureTrailer);
        received.Should().Equal("item-0", "item-1");
    }

    [Fact]
    public async Task Client_streaming_receives_every_request_before_answering()
    {
        using var call = Calls.ClientStream(Within(30));
        foreach (var text in new[] { "a", "b", "c", "d" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text, Payload = ByteString.CopyFrom(new byte[10]) });
        }

        await call.RequestStream.CompleteAsync();
        var sum = await call;

        sum.Count.Should().Be(4);
        sum.TotalPayloadBytes.Should().Be(40);
        sum.JoinedText.Should().Be("a,b,c,d");
    }

    [Fact]
    public async Task Duplex_streaming_answers_each_request_before_the_next_is_sent()
    {
        using var call = Calls.Bidi(Within(30));
        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = $"m{i}" });
            (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
            replies.Add(call.ResponseStream.Current.Text);
        }

        await call.RequestStream.CompleteAsync();

        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
        replies.Should().Equal("echo:m0", "echo:m1", "echo:m2");
    }

    [Fact]
    public async Task Slow_server_fails_the_call_with_deadline_exceeded_at_the_deadline()
    {
        var clock = Stopwatch.StartNew();

        var call = () => Calls.UnaryAsync(new EchoRequest { Text = "slow", DelayMs = 20_000 }, WithinMs(300)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the client enforces the deadline, not the server's delay");
    }

    [Fact]
    public async Task Server_stream_is_cut_at_the_deadline_after_the_messages_that_arrived_in_time()
    {
        using var call = Calls.ServerStream(new EchoRequest { Text = "tick", Count = 1000, DelayMs = 100 }, WithinMs(1500));
        var received = 0;

        var read = async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                received++;
            }
        };

        (await read.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        received.Should().BeLessThan(1000);
        call.GetStatus().StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task Client_stream_that_is_never_completed_ends_at_the_deadline()
    {
        using var call = Calls.ClientStream(WithinMs(500));
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "only" });

        var response = async () => await call.ResponseAsync;

        (await response.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task Disposing_a_streaming_call_cancels_it()
    {
        var call = Calls.ServerStream(new EchoRequest { Text = "tick", Count = 1000, DelayMs = 50 }, Within(60));
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();

        call.Dispose();
        var next = () => call.ResponseStream.MoveNext(CancellationToken.None);

        // Grpc.Net.Client cancels the call on Dispose and then refuses any further use of it as disposed.
        await next.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task Error_status_carries_a_percent_encoded_non_ascii_message_and_trailers()
    {
        var call = () => Calls.UnaryAsync(new EchoRequest { Text = "x", FailCode = (int)StatusCode.FailedPrecondition, FailMessage = NonAsciiMessage }, Within(30)).ResponseAsync;

        var failure = (await call.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        failure.Status.Detail.Should().Be(NonAsciiMessage);
        failure.Trailers.GetValue("x-failure").Should().Be(FailureTrailer);
    }

    [Fact]
    public async Task Four_MiB_messages_pass_in_both_directions()
    {
        const int size = FourMiB - 64;
        var payload = ByteString.CopyFrom(Enumerable.Repeat((byte)7, size).ToArray());

        var reply = await Calls.UnaryAsync(new EchoRequest { Text = "big", Payload = payload, ReplyPayloadSize = size }, Within(60)).ResponseAsync;

        reply.Payload.Length.Should().Be(size);
        reply.Payload.Span.ToArray().Should().OnlyContain(b => b == (byte)'a');
    }

    [Fact]
    public async Task Response_over_the_receive_limit_is_resource_exhausted()
    {
        var call = () => Calls.UnaryAsync(new EchoRequest { ReplyPayloadSize = FourMiB + 1 }, Within(60)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task Request_over_the_server_limit_is_resource_exhausted()
    {
        var payload = ByteString.CopyFrom(new byte[FourMiB + 1]);

        var call = () => Calls.UnaryAsync(new EchoRequest { Payload = payload }, Within(60)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task A_raised_receive_limit_accepts_larger_responses()
    {
        using var channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions { MaxReceiveMessageSize = 2 * FourMiB });

        var reply = await new InteropGrpc.InteropClient(channel).UnaryAsync(new EchoRequest { ReplyPayloadSize = FourMiB + 1024 }, Within(60)).ResponseAsync;

        reply.Payload.Length.Should().Be(FourMiB + 1024);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_call()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var call = () => Calls.UnaryAsync(new EchoRequest { DelayMs = 20_000 }, Within(60).WithCancellationToken(cancel.Token)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
    }

    [Fact]
    public async Task Unknown_method_is_unimplemented()
    {
        var call = () => _channel.CreateCallInvoker().AsyncUnaryCall(InteropMethods.Missing, null, Within(30), new EchoRequest()).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task An_expired_deadline_fails_without_sending()
    {
        var call = () => Calls.UnaryAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    public void Dispose()
    {
        _channel.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static CallOptions Within(int seconds) => new(deadline: DateTime.UtcNow.AddSeconds(seconds));

    protected static CallOptions WithinMs(int milliseconds) => new(deadline: DateTime.UtcNow.AddMilliseconds(milliseconds));
}
