using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Api.TidbOperator;
using SegRestore.Operator.Clusters;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Tests.Support;
using SegRestore.Operator.Tests.Workers;

namespace SegRestore.Operator.Tests.Clusters;

/// <summary>
/// spec.cluster.tidbClusterRef against a real API server (LocalCluster) serving tidb-operator's TidbCluster CRD as
/// config/local/pingcap.com_tidbclusters.yaml gives it: the derived PD, TLS Secret and TiDB host, and a typed
/// reason with the fix for a missing or unreadable cluster and for cluster TLS without its client Secret.
/// </summary>
public sealed class TidbClusterResolverTests : LocalApiServerTest
{
    private static PointRestoreSegment Segment(string name = "basic", string? @namespace = null, ClusterSqlSpec? sql = null, string? tlsSecret = null) =>
        WorkerPodFixture.Segment(spec => spec.Cluster = new ClusterSpec
        {
            TidbClusterRef = new TidbClusterReference { Name = name, Namespace = @namespace },
            Sql = sql,
            TlsSecretName = tlsSecret,
        });

    private async Task RegisterCrdAsync()
    {
        var path = Path.Combine(RepositoryRoot(), "config", "local", "pingcap.com_tidbclusters.yaml");
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(path));
        await Client.CreateAsync(crd);
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await Client.ListAsync<TidbCluster>("tidb");
                return true;
            }
            catch (Kube.Client.KubernetesApiException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10));
    }

    private async Task CreateNamespaceAsync(string name) =>
        await Client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

    private async Task CreateClusterAsync(string name, string @namespace, bool tls) =>
        await Client.CreateAsync(new TidbCluster
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            Spec = new TidbClusterSpec { TlsCluster = tls ? new TidbClusterTls { Enabled = true } : null },
        });

    [Fact]
    public async Task A_segment_that_names_pd_is_left_as_it_is_without_a_call()
    {
        var segment = WorkerPodFixture.Segment();
        var (effective, blocked) = await new TidbClusterResolver(Client).ResolveAsync(segment, SegmentPhase.Waiting, default);

        blocked.Should().BeNull();
        effective.Should().BeSameAs(segment);
        Server.Requests.Seen.Should().NotContain(r => r.Resource == "tidbclusters");
    }

    [Fact]
    public async Task A_cluster_without_tls_gives_its_pd_service_and_tidb_service_and_no_tls_secret()
    {
        await RegisterCrdAsync();
        await CreateNamespaceAsync("tidb");
        await CreateClusterAsync("basic", "tidb", tls: false);
        var segment = Segment(sql: new ClusterSqlSpec { SecretName = "tidb-sql" });

        var (effective, blocked) = await new TidbClusterResolver(Client).ResolveAsync(segment, SegmentPhase.Waiting, default);

        blocked.Should().BeNull();
        effective.Spec.Cluster.Pd.Should().Be("basic-pd.tidb:2379");
        effective.Spec.Cluster.TlsSecretName.Should().BeNull();
        effective.Spec.Cluster.TidbClusterRef.Should().BeNull();
        effective.Spec.Cluster.Sql!.Host.Should().Be("basic-tidb.tidb:4000");
        effective.Metadata.Should().BeSameAs(segment.Metadata);
        segment.Spec.Cluster.Pd.Should().BeNull("the segment as the user wrote it is not changed");
        segment.Spec.Cluster.TidbClusterRef.Should().NotBeNull();
    }

    [Fact]
    public async Task A_cluster_in_another_namespace_is_read_there()
    {
        await RegisterCrdAsync();
        await CreateNamespaceAsync("prod");
        await CreateClusterAsync("main", "prod", tls: false);

        var (effective, blocked) = await new TidbClusterResolver(Client).ResolveAsync(Segment("main", "prod"), SegmentPhase.Waiting, default);

        blocked.Should().BeNull();
        effective.Spec.Cluster.Pd.Should().Be("main-pd.prod:2379");
    }

    [Fact]
    public async Task Cluster_tls_needs_tidb_operators_client_secret_in_the_segments_namespace()
    {
        await RegisterCrdAsync();
        await CreateNamespaceAsync("tidb");
        await CreateClusterAsync("secure", "tidb", tls: true);
        var resolver = new TidbClusterResolver(Client);

        var (_, blocked) = await resolver.ResolveAsync(Segment("secure"), SegmentPhase.Waiting, default);
        blocked!.Reason.Should().Be(TidbClusterResolver.ClusterTlsSecretNotFound);
        blocked.Message.Should().Contain("secure-cluster-client-secret").And.Contain("spec.cluster.tlsSecretName").And.Contain("namespace tidb");

        await Client.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "secure-cluster-client-secret", NamespaceProperty = "tidb" } });
        var (effective, again) = await resolver.ResolveAsync(Segment("secure"), SegmentPhase.Waiting, default);

        again.Should().BeNull();
        effective.Spec.Cluster.Pd.Should().Be("https://secure-pd.tidb:2379");
        effective.Spec.Cluster.TlsSecretName.Should().Be("secure-cluster-client-secret");
    }

    [Fact]
    public async Task A_named_tls_secret_wins_over_the_derived_one_and_is_not_looked_up_here()
    {
        await RegisterCrdAsync();
        await CreateNamespaceAsync("tidb");
        await CreateClusterAsync("secure", "tidb", tls: true);

        var (effective, blocked) = await new TidbClusterResolver(Client).ResolveAsync(Segment("secure", tlsSecret: "my-tls"), SegmentPhase.Waiting, default);

        blocked.Should().BeNull("the preflight checks a named Secret as it does for spec.cluster.pd");
        effective.Spec.Cluster.TlsSecretName.Should().Be("my-tls");
    }

    [Fact]
    public async Task A_missing_cluster_is_TidbClusterNotFound_naming_namespace_and_name()
    {
        await RegisterCrdAsync();

        var (effective, blocked) = await new TidbClusterResolver(Client).ResolveAsync(Segment("nope"), SegmentPhase.Waiting, default);

        blocked!.Reason.Should().Be(TidbClusterResolver.TidbClusterNotFound);
        blocked.Phase.Should().Be(SegmentPhase.Waiting);
        blocked.Message.Should().Contain("tidb/nope").And.Contain("kubectl get tidbcluster -n tidb");
        effective.Spec.Cluster.TidbClusterRef!.Name.Should().Be("nope");
    }

    [Fact]
    public async Task A_cluster_the_operator_may_not_read_is_TidbClusterUnreadable_naming_the_grant()
    {
        await RegisterCrdAsync();
        Server.Faults.FailNext("get", "tidbclusters", 1, 403);

        var (_, blocked) = await new TidbClusterResolver(Client).ResolveAsync(Segment("basic", "other"), SegmentPhase.Running, default);

        blocked!.Reason.Should().Be(TidbClusterResolver.TidbClusterUnreadable);
        blocked.Phase.Should().Be(SegmentPhase.Running);
        blocked.Message.Should().Contain("other/basic").And.Contain("rbac.tidbClusters").And.Contain("spec.cluster.pd");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SegRestore.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SegRestore.sln not found above " + AppContext.BaseDirectory);
    }
}
