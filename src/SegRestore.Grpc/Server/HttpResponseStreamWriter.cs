using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Server;

/// <summary>Writes response messages to the HTTP/2 response body, flushing each so streaming is immediate.</summary>
internal sealed class HttpResponseStreamWriter<TResponse>(
    HttpContext httpContext, ServerCallCompletion completion, int? maxMessageSize, CancellationToken callToken)
    : IServerStreamWriter<TResponse>
    where TResponse : class, IMessage<TResponse>
{
    private int _writing;

    public async Task WriteAsync(TResponse message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("A previous write is still in progress; await each write before the next.");
        }

        try
        {
            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callToken)
                : null;
            var frame = MessageFrameWriter.Frame(message, maxMessageSize);
            await completion.WriteAsync(
                async token =>
                {
                    await httpContext.Response.Body.WriteAsync(frame, token).ConfigureAwait(false);
                    await httpContext.Response.Body.FlushAsync(token).ConfigureAwait(false);
                },
                linked?.Token ?? callToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }
}
