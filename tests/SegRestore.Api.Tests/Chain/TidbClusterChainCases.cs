using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using static SegRestore.Api.Tests.Chain.ChainFixtures;

namespace SegRestore.Api.Tests.Chain;

/// <summary>
/// Chain-rule rows for spec.cluster.tidbClusterRef: a TidbCluster stands for its PD Service, so two segments naming
/// it, or one naming it and one its PD address, restore into one cluster; exactly one of pd and tidbClusterRef.
/// </summary>
internal static class TidbClusterChainCases
{
    private static void Ref(PointRestoreSegmentSpec spec, string name = "basic", string? @namespace = null)
    {
        spec.Cluster.Pd = null;
        spec.Cluster.TlsSecretName = null;
        spec.Cluster.TidbClusterRef = new TidbClusterReference { Name = name, Namespace = @namespace };
    }

    private static ChainMember In(ChainMember member, string @namespace) => member with { Namespace = @namespace };

    public static void Add(Dictionary<string, ChainRuleCase> cases)
    {
        var refRoot = In(Root(edit: s => Ref(s)), "tidb");
        cases.Add("Segments_naming_the_same_TidbCluster_are_one_cluster",
            new(In(Next("s1", "s0", "2000", edit: s => Ref(s)), "tidb"), View(refRoot), ChainOutcome.Ready, null, "may run"));
        cases.Add("A_TidbCluster_and_its_pd_address_are_one_cluster",
            new(In(Next("s1", "s0", "2000", edit: s => Ref(s)), "tidb"), View(In(Root(), "tidb")), ChainOutcome.Ready, null, "may run"));
        cases.Add("A_pd_address_after_a_TidbCluster_root_is_the_same_cluster",
            new(In(Next("s1", "s0", "2000"), "tidb"), View(refRoot), ChainOutcome.Ready, null, "may run"));
        cases.Add("A_TidbCluster_named_with_its_namespace_is_the_one_in_that_namespace",
            new(In(Next("s1", "s0", "2000", edit: s => Ref(s, "basic", "tidb")), "restores"), View(refRoot), ChainOutcome.Ready, null, "may run"));
        cases.Add("A_TidbCluster_root_is_accepted_alone",
            new(In(Root(phase: null, edit: s => Ref(s)), "tidb"), View(), ChainOutcome.Ready, null, "may run"));
        cases.Add("A_TidbCluster_with_sql_access_needs_no_host",
            new(In(Root(phase: null, edit: s => { Ref(s); s.Cluster.Sql = new ClusterSqlSpec { SecretName = "tidb-sql" }; }), "tidb"), View(), ChainOutcome.Ready, null, "may run"));

        var add = (string name, ChainMember self, ChainView view, ChainReason reason, string fragment) =>
            cases.Add(name, new ChainRuleCase(self, view, ChainOutcome.Invalid, reason, fragment));
        add("Same_TidbCluster_name_in_another_namespace_is_another_cluster", In(Next("s1", "s0", "2000", edit: s => Ref(s)), "staging"), View(refRoot),
            ChainReason.ClusterMismatch, "TidbCluster staging/basic (PD basic-pd.staging:2379) differs from \"basic-pd.tidb:2379\"");
        add("Another_TidbCluster_than_the_root_is_another_cluster", In(Next("s1", "s0", "2000", edit: s => Ref(s, "other")), "tidb"), View(refRoot),
            ChainReason.ClusterMismatch, "spec.cluster.tidbClusterRef to the TidbCluster whose PD that is");
        add("Both_pd_and_tidbClusterRef_is_invalid", Root(phase: null, edit: s => s.Cluster.TidbClusterRef = new TidbClusterReference { Name = "basic" }), View(),
            ChainReason.InvalidSpec, "are both set");
        add("Neither_pd_nor_tidbClusterRef_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = null), View(),
            ChainReason.InvalidSpec, "or spec.cluster.tidbClusterRef in its place");
        add("TidbClusterRef_without_a_name_is_invalid", Root(phase: null, edit: s => Ref(s, "")), View(),
            ChainReason.InvalidSpec, "spec.cluster.tidbClusterRef.name is required");
        add("TidbClusterRef_name_with_capitals_is_invalid", Root(phase: null, edit: s => Ref(s, "Basic")), View(),
            ChainReason.InvalidSpec, "\"Basic\" is not a TidbCluster name");
        add("TidbClusterRef_name_too_long_for_its_services_is_invalid", Root(phase: null, edit: s => Ref(s, new string('a', 54))), View(),
            ChainReason.InvalidSpec, "at most 53 characters");
        add("TidbClusterRef_namespace_not_a_dns_label_is_invalid", Root(phase: null, edit: s => Ref(s, "basic", "Prod_1")), View(),
            ChainReason.InvalidSpec, "spec.cluster.tidbClusterRef.namespace: \"Prod_1\"");
        add("Sql_without_a_secret_is_invalid", Root(phase: null, edit: s => s.Cluster.Sql = new ClusterSqlSpec { Host = "basic-tidb.tidb:4000" }), View(),
            ChainReason.InvalidSpec, "spec.cluster.sql.secretName is required");
        add("Sql_host_is_required_with_pd", Root(phase: null, edit: s => s.Cluster.Sql = new ClusterSqlSpec { SecretName = "tidb-sql" }), View(),
            ChainReason.InvalidSpec, "spec.cluster.sql.host is required with spec.cluster.pd");
        add("Sql_host_with_a_scheme_is_invalid", Root(phase: null, edit: s => s.Cluster.Sql = new ClusterSqlSpec { SecretName = "tidb-sql", Host = "mysql://basic-tidb:4000" }), View(),
            ChainReason.InvalidSpec, "has a scheme");
        add("Sql_host_url_is_not_echoed_whole", Root(phase: null, edit: s => s.Cluster.Sql = new ClusterSqlSpec { SecretName = "tidb-sql", Host = "mysql://root:hunter2@tidb:4000" }), View(),
            ChainReason.InvalidSpec, "(\"mysql://...\"): write TiDB's host:port only");
        add("Sql_host_without_a_port_is_invalid", Root(phase: null, edit: s => s.Cluster.Sql = new ClusterSqlSpec { SecretName = "tidb-sql", Host = "basic-tidb" }), View(),
            ChainReason.InvalidSpec, "spec.cluster.sql.host: \"basic-tidb\" is not host:port");
    }
}
