using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Server;

/// <summary>Reads request messages from the HTTP/2 request body.</summary>
internal sealed class HttpRequestStreamReader<TRequest>(
    HttpContext httpContext, MessageParser<TRequest> parser, int maxMessageSize, CancellationToken callToken)
    : IAsyncStreamReader<TRequest>
    where TRequest : class, IMessage<TRequest>
{
    private TRequest? _current;

    public TRequest Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true yet.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callToken)
            : null;
        var payload = await MessageFrameReader.ReadMessageAsync(httpContext.Request.Body, maxMessageSize, linked?.Token ?? callToken)
            .ConfigureAwait(false);
        if (payload is null)
        {
            _current = null;
            return false;
        }

        try
        {
            _current = parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(
                new Status(StatusCode.Internal, $"Failed to deserialize request message: {ex.Message}"), new Metadata(), ex);
        }

        return true;
    }

    /// <summary>Exactly one request message (unary and server-streaming calls).</summary>
    public async Task<TRequest> ReadSingleAsync()
    {
        if (!await MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Internal, "Expected one request message, received none."));
        }

        var message = Current;
        if (await MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.Internal, "Expected one request message, received more."));
        }

        return message;
    }
}
