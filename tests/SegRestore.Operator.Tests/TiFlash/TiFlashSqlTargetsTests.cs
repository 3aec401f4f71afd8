using System.Text;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Tests.Support;
using SegRestore.Operator.Tests.Workers;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>The SQL target of spec.cluster.sql read from a real API server (LocalCluster): account, TLS, alias.</summary>
public sealed class TiFlashSqlTargetsTests : LocalApiServerTest
{
    private const string Password = "pw-PLANTED-9c1e";

    private static PointRestoreSegment Effective(string? tlsSecret = null) =>
        WorkerPodFixture.Segment(spec => spec.Cluster = new ClusterSpec
        {
            Pd = "basic-pd.tidb:2379",
            TlsSecretName = tlsSecret,
            Sql = new ClusterSqlSpec { SecretName = "tidb-sql", Host = "basic-tidb.tidb:4000" },
        });

    private Task SecretAsync(string name, Dictionary<string, string> data) =>
        Client.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "tidb" },
            Data = data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value)),
        });

    private TiFlashSqlTargets Targets(string? aliases = null) =>
        new(Client, new OperatorOptions { EndpointAliases = EndpointAliases.Parse(aliases, out _) });

    [Fact]
    public async Task The_account_comes_from_the_Secret_and_TiDB_is_dialled_through_its_alias()
    {
        await Client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "tidb" } });
        await SecretAsync("tidb-sql", new() { ["user"] = "restorer", ["password"] = Password });

        var (target, failure) = await Targets("basic-tidb.tidb:4000=127.0.0.1:14000").ReadAsync(Effective(), default);

        failure.Should().BeNull();
        target!.Host.Should().Be("127.0.0.1");
        target.Port.Should().Be(14000);
        target.User.Should().Be("restorer");
        target.Password.Should().Be(Password);
        target.Tls.Should().BeNull();
        target.ToString().Should().NotContain(Password);
    }

    [Fact]
    public async Task Tls_comes_from_the_clusters_client_Secret()
    {
        await Client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "tidb" } });
        await SecretAsync("tidb-sql", new() { ["user"] = "restorer", ["password"] = Password });
        await SecretAsync("basic-cluster-client-secret", new() { ["ca.crt"] = "CA-PEM", ["tls.crt"] = "CERT-PEM", ["tls.key"] = "KEY-PEM" });

        var (target, _) = await Targets().ReadAsync(Effective("basic-cluster-client-secret"), default);

        target!.Host.Should().Be("basic-tidb.tidb");
        target.Tls.Should().Be(new TidbSqlTls("CA-PEM", "CERT-PEM", "KEY-PEM"));
    }

    public static TheoryData<string, Dictionary<string, string>?, string?, string> Failures => new()
    {
        { "no SQL Secret", null, null, "Secret \"tidb-sql\" in namespace tidb was not found" },
        { "no password", new() { ["user"] = "restorer" }, null, "lacks the key \"password\"" },
        { "a TLS Secret without ca.crt", new() { ["user"] = "restorer", ["password"] = Password }, "tls-no-ca", "has no ca.crt" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_Secret_that_changed_since_the_preflight_is_a_retryable_failure(string because, Dictionary<string, string>? account, string? tlsSecret, string fragment)
    {
        await Client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "tidb" } });
        if (account is not null)
        {
            await SecretAsync("tidb-sql", account);
        }

        await SecretAsync("tls-no-ca", new() { ["tls.crt"] = "CERT-PEM" });

        var (target, failure) = await Targets().ReadAsync(Effective(tlsSecret), default);

        target.Should().BeNull(because);
        failure!.Reason.Should().Be(TiFlashSqlTargets.SqlSecretUnusable, because);
        failure.Retryable.Should().BeTrue(because);
        failure.Message.Should().Contain(fragment, because).And.NotContain(Password, because);
    }
}
