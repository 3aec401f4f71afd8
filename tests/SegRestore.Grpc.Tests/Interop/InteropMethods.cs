using SegRestore.Grpc.Tests.Interop.Messages;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>Descriptors of segrestore.interop.Interop (tests/interop/protos/interop.proto).</summary>
public static class InteropMethods
{
    public const string ServiceName = "segrestore.interop.Interop";

    public static readonly Method<EchoRequest, EchoReply> Unary =
        new(MethodType.Unary, ServiceName, "Unary", EchoRequest.Parser, EchoReply.Parser);

    public static readonly Method<EchoRequest, EchoReply> ServerStream =
        new(MethodType.ServerStreaming, ServiceName, "ServerStream", EchoRequest.Parser, EchoReply.Parser);

    public static readonly Method<EchoRequest, SumReply> ClientStream =
        new(MethodType.ClientStreaming, ServiceName, "ClientStream", EchoRequest.Parser, SumReply.Parser);

    public static readonly Method<EchoRequest, EchoReply> Bidi =
        new(MethodType.DuplexStreaming, ServiceName, "Bidi", EchoRequest.Parser, EchoReply.Parser);

    /// <summary>A method no server implements.</summary>
    public static readonly Method<EchoRequest, EchoReply> Missing =
        new(MethodType.Unary, ServiceName, "DoesNotExist", EchoRequest.Parser, EchoReply.Parser);
}
