using Google.Protobuf;
using Grpc.Core;
using SegRestore.Grpc.Tests.Interop.Messages;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>
/// Paths of segrestore.interop.Interop (tests/interop/protos/interop.proto) for raw HTTP/2 requests, and a method no
/// server implements (calls go through the generated <c>Interop.InteropClient</c> otherwise).
/// </summary>
public static class InteropMethods
{
    public const string ServiceName = "segrestore.interop.Interop";

    public const string UnaryPath = "/" + ServiceName + "/Unary";

    public const string ServerStreamPath = "/" + ServiceName + "/ServerStream";

    /// <summary>A method no server implements.</summary>
    public static readonly Method<EchoRequest, EchoReply> Missing = new(
        MethodType.Unary,
        ServiceName,
        "DoesNotExist",
        Marshallers.Create<EchoRequest>(m => m.ToByteArray(), EchoRequest.Parser.ParseFrom),
        Marshallers.Create<EchoReply>(m => m.ToByteArray(), EchoReply.Parser.ParseFrom));
}
