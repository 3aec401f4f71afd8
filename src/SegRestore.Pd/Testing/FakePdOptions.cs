using SegRestore.Rpc;

namespace SegRestore.Pd.Testing;

/// <summary>The cluster a <see cref="FakePdServer"/> pretends to be.</summary>
public sealed class FakePdOptions
{
    /// <summary>The cluster id in every response header (a real one is a large 64-bit number).</summary>
    public ulong ClusterId { get; set; } = 7_302_912_345_678_901_234;

    public int MemberCount { get; set; } = 3;

    /// <summary>Loopback port to listen on; 0 picks a free one (tests), a fixed one lets manifests name it (`make run`).</summary>
    public int Port { get; set; }

    public int LeaderIndex { get; set; }

    /// <summary>Serve TLS (optionally requiring client certificates); null serves h2c.</summary>
    public GrpcServerTls? Tls { get; set; }
}
