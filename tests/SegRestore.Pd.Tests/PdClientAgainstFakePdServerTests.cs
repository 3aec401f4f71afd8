using SegRestore.Pd.Protocol;
using SegRestore.Pd.Testing;
using SegRestore.Rpc;
using SegRestore.Rpc.Tls;

namespace SegRestore.Pd.Tests;

/// <summary>The PD client against the project's own <see cref="FakePdServer"/>.</summary>
public sealed class PdClientAgainstFakePdServerTests : PdClientContractTests
{
    [Fact]
    public async Task A_rebuilt_cluster_reports_its_new_cluster_id()
    {
        await using var pd = await FakePdServer.StartAsync(new FakePdOptions { ClusterId = 1 });
        using var client = new PdClient(new PdClientOptions { Addresses = pd.Address.ToString() });
        var before = await client.GetMembersAsync(CancellationToken.None);

        pd.ClusterId = 2;
        var after = await client.GetMembersAsync(CancellationToken.None);

        before.ClusterId.Should().Be(1);
        after.ClusterId.Should().Be(2);
    }

    [Fact]
    public async Task No_answering_address_lists_every_failure()
    {
        var first = DeadPort();
        var second = DeadPort();
        using var client = new PdClient(new PdClientOptions { Addresses = $"127.0.0.1:{first},127.0.0.1:{second}" });

        var call = () => client.GetMembersAsync(CancellationToken.None);

        var failure = (await call.Should().ThrowAsync<PdUnavailableException>()).Which;
        failure.Failures.Select(f => f.Address.Port).Should().Equal(first, second);
        failure.Failures.Should().OnlyContain(f => f.StatusCode == global::Grpc.Core.StatusCode.Unavailable);
        failure.Message.Should().Contain($"127.0.0.1:{first}").And.Contain($"127.0.0.1:{second}");
    }

    [Fact]
    public async Task Cancellation_is_an_operation_cancelled_not_an_unavailable_pd()
    {
        await using var pd = await FakePdServer.StartAsync();
        using var client = new PdClient(new PdClientOptions { Addresses = pd.Address.ToString() });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var call = () => client.GetMembersAsync(cancelled.Token);

        await call.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Missing_tls_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Certificates.Directory, "nope", "ca.crt");

        var create = () => new PdClient(new PdClientOptions { Addresses = "pd:2379", Tls = new PdTlsOptions(missing) });

        create.Should().Throw<InvalidOperationException>().WithMessage($"*ca.crt*'{missing}' does not exist*");
    }

    [Fact]
    public void Certificate_without_key_is_refused()
    {
        var create = () => new PdClient(new PdClientOptions
        {
            Addresses = "pd:2379",
            Tls = new PdTlsOptions(Certificates.CaPath, Certificates.ClientCertPath),
        });

        create.Should().Throw<InvalidOperationException>().WithMessage("*both*tls.key*");
    }

    protected override async Task<RunningPd> StartPdAsync(ulong clusterId, bool tls, (ErrorType Type, string Message)? headerError)
    {
        var options = new FakePdOptions { ClusterId = clusterId };
        if (tls)
        {
            options.Tls = new GrpcServerTls(
                PemFiles.LoadCertificateWithKey(Certificates.ServerCertPath, Certificates.ServerKeyPath, "server"),
                PemFiles.LoadCertificates(Certificates.CaPath, "client CA"));
        }

        var pd = await FakePdServer.StartAsync(options);
        if (headerError is { } error)
        {
            pd.FailWith(error.Type, error.Message);
        }

        return new RunningPd(
            $"127.0.0.1:{pd.Address.Port}",
            () => pd.Requests.Select(r => r.Header?.CallerId ?? string.Empty).ToList(),
            pd.DisposeAsync);
    }
}
