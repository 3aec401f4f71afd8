using SegRestore.Api.Chain;
using SegRestore.Api.Models;

namespace SegRestore.Api.Tests.Chain;

/// <summary>What a TidbCluster reference stands for: tidb-operator's Service and Secret names, TLS from the cluster.</summary>
public class ClusterTargetTests
{
    public static TheoryData<string, ClusterSpec, string?, bool, string, string?, string?> Cases => new()
    {
        { "pd is left as written", new ClusterSpec { Pd = "pd-a:2379", TlsSecretName = "t", Sql = new ClusterSqlSpec { SecretName = "s", Host = "tidb:4000" } }, "tidb", true, "pd-a:2379", "t", "tidb:4000" },
        { "ref without tls", Ref("basic"), "tidb", false, "basic-pd.tidb:2379", null, null },
        { "ref with tls takes the client secret and https", Ref("basic"), "tidb", true, "https://basic-pd.tidb:2379", "basic-cluster-client-secret", null },
        { "ref's namespace wins over the segment's", Ref("main", "prod"), "restores", false, "main-pd.prod:2379", null, null },
        { "ref without any namespace is default's", Ref("basic"), null, false, "basic-pd.default:2379", null, null },
        { "a named tls secret wins", Ref("basic", tls: "mine"), "tidb", true, "https://basic-pd.tidb:2379", "mine", null },
        { "a named tls secret is kept without cluster tls", Ref("basic", tls: "mine"), "tidb", false, "basic-pd.tidb:2379", "mine", null },
        { "sql host defaults to the tidb service", Ref("basic", sql: new ClusterSqlSpec { SecretName = "s" }), "tidb", false, "basic-pd.tidb:2379", null, "basic-tidb.tidb:4000" },
        { "sql host in another namespace", Ref("main", "prod", sql: new ClusterSqlSpec { SecretName = "s" }), "restores", false, "main-pd.prod:2379", null, "main-tidb.prod:4000" },
        { "an explicit sql host wins", Ref("basic", sql: new ClusterSqlSpec { SecretName = "s", Host = "lb.example:4000" }), "tidb", false, "basic-pd.tidb:2379", null, "lb.example:4000" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Effective_cluster(string because, ClusterSpec cluster, string? segmentNamespace, bool tls, string pd, string? tlsSecret, string? sqlHost)
    {
        var effective = ClusterTarget.Effective(cluster, segmentNamespace, tls);

        effective.Pd.Should().Be(pd, because);
        effective.TlsSecretName.Should().Be(tlsSecret, because);
        effective.Sql?.Host.Should().Be(sqlHost, because);
        (effective.Sql is null).Should().Be(cluster.Sql is null, because);
        effective.TidbClusterRef.Should().BeNull(because);
    }

    [Fact]
    public void Describe_and_field_name_the_cluster_as_the_user_wrote_it()
    {
        ClusterTarget.Describe(Ref("basic"), "tidb").Should().Be("TidbCluster tidb/basic (PD basic-pd.tidb:2379)");
        ClusterTarget.FieldOf(Ref("basic")).Should().Be("spec.cluster.tidbClusterRef");
        ClusterTarget.Describe(new ClusterSpec { Pd = "pd:2379" }, "tidb").Should().Be("\"pd:2379\"");
        ClusterTarget.FieldOf(new ClusterSpec { Pd = "pd:2379" }).Should().Be("spec.cluster.pd");
    }

    private static ClusterSpec Ref(string name, string? @namespace = null, string? tls = null, ClusterSqlSpec? sql = null) => new()
    {
        TidbClusterRef = new TidbClusterReference { Name = name, Namespace = @namespace },
        TlsSecretName = tls,
        Sql = sql,
    };
}
