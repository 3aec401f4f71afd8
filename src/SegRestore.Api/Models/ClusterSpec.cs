using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>The target TiDB cluster: PD endpoints, or a tidb-operator TidbCluster the operator reads them from.</summary>
public sealed class ClusterSpec
{
    [Description("PD endpoints: host:port or a comma-separated list, optionally with an http:// or https:// scheme. " +
        "Exactly one of pd and tidbClusterRef.")]
    [MinLength(1)]
    public string? Pd { get; set; }

    [Description("A tidb-operator TidbCluster (pingcap.com/v1alpha1) to restore into, instead of pd: the operator " +
        "derives PD (<name>-pd.<namespace>:2379, https when spec.tlsCluster.enabled), the client TLS Secret " +
        "(<name>-cluster-client-secret) and the TiDB service (<name>-tidb.<namespace>:4000) from it.")]
    public TidbClusterReference? TidbClusterRef { get; set; }

    [Description("Secret with ca.crt, tls.crt and tls.key for TLS to PD, TiKV and TiDB. With tidbClusterRef it " +
        "defaults to <name>-cluster-client-secret when the TidbCluster has TLS enabled.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    public string? TlsSecretName { get; set; }

    [Description("SQL access to TiDB, with which the operator puts back the TiFlash replicas BR could not. Without " +
        "it the statements are left in a ConfigMap for a person to run.")]
    public ClusterSqlSpec? Sql { get; set; }
}
