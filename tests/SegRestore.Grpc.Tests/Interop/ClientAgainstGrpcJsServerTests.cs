using SegRestore.Grpc.Tests.Support;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>The project's client against tests/interop/server.js, a real @grpc/grpc-js server process.</summary>
public sealed class ClientAgainstGrpcJsServerTests(GrpcJsServerFixture server)
    : ClientConformanceTests(server.Address), IClassFixture<GrpcJsServerFixture>
{
    protected override string FailureTrailer => "from-grpc-js";
}
