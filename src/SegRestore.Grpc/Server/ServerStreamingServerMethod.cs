namespace SegRestore.Grpc.Server;

/// <summary>A server-streaming handler: one request, any number of responses.</summary>
public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(
    TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
