using SegRestore.Api.Models;

namespace SegRestore.Api.Chain;

/// <summary>
/// The target cluster of a spec, whether it names PD or a tidb-operator TidbCluster. The addresses a TidbCluster
/// gives follow from its name and namespace alone (tidb-operator names its Services <c>&lt;name&gt;-pd</c> and
/// <c>&lt;name&gt;-tidb</c>), so the chain rules compare clusters without reading any TidbCluster: two segments naming
/// the same TidbCluster, or a TidbCluster and its PD address, restore into the same cluster.
/// </summary>
public static class ClusterTarget
{
    public const int PdPort = 2379;

    public const int TidbPort = 4000;

    /// <summary>The TidbCluster's namespace: its own, or the segment's when the reference leaves it out.</summary>
    public static string NamespaceOf(TidbClusterReference reference, string? segmentNamespace)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return string.IsNullOrEmpty(reference.Namespace) ? segmentNamespace ?? "default" : reference.Namespace;
    }

    /// <summary>PD endpoints as written, or the TidbCluster's PD Service (without a scheme: TLS is the cluster's).</summary>
    public static string PdOf(ClusterSpec? cluster, string? segmentNamespace) =>
        cluster?.TidbClusterRef is { } reference
            ? $"{reference.Name}-pd.{NamespaceOf(reference, segmentNamespace)}:{PdPort}"
            : cluster?.Pd ?? "";

    /// <summary>The TidbCluster's TiDB Service (its MySQL port).</summary>
    public static string TidbHostOf(TidbClusterReference reference, string? segmentNamespace) =>
        $"{reference.Name}-tidb.{NamespaceOf(reference, segmentNamespace)}:{TidbPort}";

    /// <summary>The client certificate Secret tidb-operator creates for a TLS cluster (its backup jobs mount it).</summary>
    public static string ClientSecretOf(TidbClusterReference reference) => $"{reference.Name}-cluster-client-secret";

    /// <summary>The field that names the cluster, for messages.</summary>
    public static string FieldOf(ClusterSpec? cluster) =>
        cluster?.TidbClusterRef is not null ? "spec.cluster.tidbClusterRef" : "spec.cluster.pd";

    /// <summary>The cluster as a message names it: <c>"pd"</c>, or <c>TidbCluster ns/name (PD name-pd.ns:2379)</c>.</summary>
    public static string Describe(ClusterSpec? cluster, string? segmentNamespace) =>
        cluster?.TidbClusterRef is { } reference
            ? $"TidbCluster {NamespaceOf(reference, segmentNamespace)}/{reference.Name} (PD {PdOf(cluster, segmentNamespace)})"
            : $"\"{cluster?.Pd}\"";

    /// <summary>
    /// The cluster spec a TidbCluster reference stands for, once the TidbCluster was read: PD with https when its
    /// cluster TLS is on, the client Secret tidb-operator issues (unless one is named), and TiDB's Service for SQL
    /// (unless a host is named). A spec that names PD is returned as it is.
    /// </summary>
    public static ClusterSpec Effective(ClusterSpec cluster, string? segmentNamespace, bool tlsEnabled)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.TidbClusterRef is not { } reference)
        {
            return cluster;
        }

        return new ClusterSpec
        {
            Pd = (tlsEnabled ? "https://" : "") + PdOf(cluster, segmentNamespace),
            TlsSecretName = cluster.TlsSecretName ?? (tlsEnabled ? ClientSecretOf(reference) : null),
            Sql = cluster.Sql is { } sql
                ? new ClusterSqlSpec { SecretName = sql.SecretName, Host = sql.Host ?? TidbHostOf(reference, segmentNamespace) }
                : null,
        };
    }
}
