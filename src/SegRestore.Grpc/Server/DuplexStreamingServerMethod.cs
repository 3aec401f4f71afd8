namespace SegRestore.Grpc.Server;

/// <summary>A bidirectional handler: requests and responses flow independently.</summary>
public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(
    IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
