namespace SegRestore.Grpc;

/// <summary>The request side of a client- or duplex-streaming call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream (half-close); the server then sees the end of its input.</summary>
    Task CompleteAsync();
}
