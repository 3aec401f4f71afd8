namespace SegRestore.Grpc.Server;

/// <summary>A client-streaming handler: any number of requests, one response.</summary>
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(
    IAsyncStreamReader<TRequest> requestStream, ServerCallContext context);
