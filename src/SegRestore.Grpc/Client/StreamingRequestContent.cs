using System.Net;
using System.Net.Http.Headers;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Client;

/// <summary>
/// A request body written by the caller while the call runs. HTTP/2 in SocketsHttpHandler is full duplex: the
/// response arrives while this content is still being written.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent() => Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);

    /// <summary>Completes when the HTTP/2 stream is open and the body can be written.</summary>
    public Task<Stream> RequestStream => _stream.Task;

    /// <summary>Ends the body (END_STREAM).</summary>
    public void Complete() => _completed.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        _stream.TrySetCanceled();
        _completed.TrySetResult();
        base.Dispose(disposing);
    }
}
