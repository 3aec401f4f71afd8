namespace SegRestore.Grpc;

/// <summary>Writes a stream of messages (Grpc.Core's <c>IAsyncStreamWriter&lt;T&gt;</c>).</summary>
public interface IAsyncStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
