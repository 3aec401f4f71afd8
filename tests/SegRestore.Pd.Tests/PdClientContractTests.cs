using SegRestore.Grpc.Tests.Support;
using SegRestore.Pd.Protocol;

namespace SegRestore.Pd.Tests;

/// <summary>
/// What the PD client must do against any PD-shaped server: run against the project's <c>FakePdServer</c> and
/// against a grpc-js fake PD (tests/interop/fake-pd.js) that loads kvproto's message definitions independently.
/// </summary>
public abstract class PdClientContractTests : IDisposable
{
    protected const ulong ClusterId = 7_123_456_789_012_345_678;

    protected TestCertificates Certificates { get; } = TestCertificates.Create();

    [Fact]
    public async Task Returns_cluster_id_leader_and_members_over_h2c()
    {
        await using var pd = await StartPdAsync(ClusterId, tls: false, headerError: null);
        using var client = new PdClient(new PdClientOptions { Addresses = pd.HostPort });

        var members = await client.GetMembersAsync(CancellationToken.None);

        members.ClusterId.Should().Be(ClusterId, "uint64 cluster ids above 2^53 must survive the round trip");
        members.Leader!.Name.Should().Be("pd-0");
        members.Members.Select(m => m.Name).Should().Equal("pd-0", "pd-1", "pd-2");
        members.Members[1].MemberId.Should().Be(1001);
        members.Members[0].ClientUrls.Should().Equal($"http://{pd.HostPort}");
        members.AnsweredBy.Should().Be(new Uri($"http://{pd.HostPort}"));
        await PollAsync(() => pd.CallerIds.Contains("segrestore"), "the fake PD records caller_id 'segrestore'");
    }

    [Fact]
    public async Task Skips_a_dead_first_address_and_asks_the_next()
    {
        await using var pd = await StartPdAsync(ClusterId, tls: false, headerError: null);
        var dead = $"127.0.0.1:{DeadPort()}";
        using var client = new PdClient(new PdClientOptions { Addresses = $"http://{dead},{pd.HostPort}" });

        var members = await client.GetMembersAsync(CancellationToken.None);

        members.ClusterId.Should().Be(ClusterId);
        members.AnsweredBy.Should().Be(new Uri($"http://{pd.HostPort}"));
    }

    [Fact]
    public async Task Header_error_is_typed_and_stops_the_search()
    {
        await using var failing = await StartPdAsync(ClusterId, tls: false, headerError: (ErrorType.NotBootstrapped, "cluster is not bootstrapped"));
        await using var healthy = await StartPdAsync(ClusterId, tls: false, headerError: null);
        using var client = new PdClient(new PdClientOptions { Addresses = $"{failing.HostPort},{healthy.HostPort}" });

        var call = () => client.GetMembersAsync(CancellationToken.None);

        var error = (await call.Should().ThrowAsync<PdHeaderErrorException>()).Which;
        error.ErrorType.Should().Be("NOT_BOOTSTRAPPED");
        error.PdMessage.Should().Be("cluster is not bootstrapped");
        error.Address.Should().Be(new Uri($"http://{failing.HostPort}"));
        healthy.CallerIds.Should().BeEmpty("a PD that answered with an error is an answer; the next address is not asked");
    }

    [Fact]
    public async Task Mutual_tls_with_the_cluster_ca_and_a_client_certificate()
    {
        await using var pd = await StartPdAsync(ClusterId, tls: true, headerError: null);
        using var client = new PdClient(new PdClientOptions
        {
            Addresses = pd.HostPort,
            Tls = new PdTlsOptions(Certificates.CaPath, Certificates.ClientCertPath, Certificates.ClientKeyPath),
        });

        var members = await client.GetMembersAsync(CancellationToken.None);

        members.ClusterId.Should().Be(ClusterId);
        members.AnsweredBy.Scheme.Should().Be("https", "TLS files make a bare address https");
    }

    [Fact]
    public async Task Tls_without_a_client_certificate_is_refused()
    {
        await using var pd = await StartPdAsync(ClusterId, tls: true, headerError: null);
        using var client = new PdClient(new PdClientOptions { Addresses = pd.HostPort, Tls = new PdTlsOptions(Certificates.CaPath) });

        var call = () => client.GetMembersAsync(CancellationToken.None);

        var failure = (await call.Should().ThrowAsync<PdUnavailableException>()).Which;
        failure.Failures.Should().ContainSingle().Which.Address.Should().Be(new Uri($"https://{pd.HostPort}"));
    }

    public void Dispose()
    {
        Certificates.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<RunningPd> StartPdAsync(ulong clusterId, bool tls, (ErrorType Type, string Message)? headerError);

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    protected static int DeadPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task PollAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            await Task.Delay(50);
        }
    }
}
