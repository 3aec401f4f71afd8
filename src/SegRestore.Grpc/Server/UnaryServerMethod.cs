namespace SegRestore.Grpc.Server;

/// <summary>A unary handler: one request, one response.</summary>
public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context);
