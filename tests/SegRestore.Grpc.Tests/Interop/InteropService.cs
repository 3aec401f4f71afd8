using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using SegRestore.Grpc.Tests.Interop.Messages;
using InteropGrpc = SegRestore.Grpc.Tests.Interop.Messages.Interop;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>
/// The project's implementation of the interop service on Grpc.AspNetCore, behaving like tests/interop/server.js so
/// both servers answer the same cases the same way. It also rejects a wrong bearer token, as the worker reporter will.
/// </summary>
public sealed class InteropService : InteropGrpc.InteropBase
{
    public const string ValidBearer = "Bearer s3cret-token";

    /// <summary>The <c>text</c> of every unary call whose handler saw its cancellation token fire.</summary>
    public static ConcurrentBag<string> CancelledTexts { get; } = [];

    public override async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue("authorization");
        if (authorization is not null && authorization != ValidBearer)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "invalid bearer token"));
        }

        if (request.DelayMs > 0)
        {
            try
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancelledTexts.Add(request.Text);
                throw;
            }
        }

        if (request.FailCode != 0)
        {
            throw Failure(request);
        }

        if (request.Text == "throw")
        {
            throw new InvalidOperationException("internal detail that must not reach the client");
        }

        await context.WriteResponseHeadersAsync(new Metadata { { "x-handler", "unary" } });
        context.ResponseTrailers.Add("x-trailer-bin", [1, 2, 3, 254]);
        return Reply(request, 0, context);
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            if (request.DelayMs > 0)
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }

            var reply = Reply(request, i, context);
            reply.Text = $"{request.Text}-{i}";
            await responseStream.WriteAsync(reply);
        }

        if (request.FailCode != 0)
        {
            throw Failure(request);
        }
    }

    public override async Task<SumReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var sum = new SumReply();
        var texts = new List<string>();
        RpcException? failure = null;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            sum.Count++;
            sum.TotalPayloadBytes += request.Payload.Length;
            texts.Add(request.Text);
            failure ??= request.FailCode != 0 ? Failure(request) : null;
        }

        sum.JoinedText = string.Join(',', texts);
        return failure is null ? sum : throw failure;
    }

    public override async Task Bidi(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoReply { Text = $"echo:{request.Text}", Index = index++ });
        }
    }

    private static EchoReply Reply(EchoRequest request, int index, ServerCallContext context)
    {
        var remaining = context.Deadline == DateTime.MaxValue ? 0 : (long)Math.Max(1, (context.Deadline - DateTime.UtcNow).TotalMilliseconds);
        return new EchoReply
        {
            Text = request.Text,
            Payload = request.ReplyPayloadSize > 0
                ? ByteString.CopyFrom(Enumerable.Repeat((byte)'a', request.ReplyPayloadSize).ToArray())
                : request.Payload,
            Index = index,
            SeenTextHeader = context.RequestHeaders.GetValue("x-text") ?? string.Empty,
            SeenBinaryHeader = ByteString.CopyFrom(context.RequestHeaders.GetValueBytes("x-data-bin") ?? []),
            SeenTimeoutMs = remaining,
        };
    }

    private static RpcException Failure(EchoRequest request) =>
        new(new Status((StatusCode)request.FailCode, request.FailMessage), new Metadata { { "x-failure", "from-segrestore" } });
}
