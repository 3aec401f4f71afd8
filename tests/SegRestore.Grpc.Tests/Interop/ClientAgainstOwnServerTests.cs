using SegRestore.Grpc.Tests.Support;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>The project's client against the project's server (Kestrel, h2c).</summary>
public sealed class ClientAgainstOwnServerTests(OwnServerFixture server)
    : ClientConformanceTests(server.Address), IClassFixture<OwnServerFixture>
{
    protected override string FailureTrailer => "from-segrestore";
}
