namespace SegRestore.Grpc;

/// <summary>Reads a stream of messages one at a time (Grpc.Core's <c>IAsyncStreamReader&lt;T&gt;</c>).</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNext"/>.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false at the end of the stream.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}
