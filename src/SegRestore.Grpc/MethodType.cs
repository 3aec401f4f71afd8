namespace SegRestore.Grpc;

/// <summary>How many messages flow each way in a call.</summary>
public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}
