using Google.Protobuf;

namespace SegRestore.Grpc.Client;

/// <summary>The response side of a streaming call.</summary>
internal sealed class ResponseStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true yet.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _current = await call.ReadNextResponseAsync(cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}
