namespace SegRestore.Grpc;

/// <summary>The response side of a server- or duplex-streaming handler.</summary>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
