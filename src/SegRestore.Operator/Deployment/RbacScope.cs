namespace SegRestore.Operator.Deployment;

/// <summary>Where a group of rules is granted.</summary>
public enum RbacScope
{
    /// <summary>Where PointRestoreSegments live: a ClusterRole when all namespaces are watched, else a Role in the
    /// watched namespace.</summary>
    SegmentNamespaces,

    /// <summary>The operator's own namespace: its leader-election Lease and the per-PD-cluster Leases.</summary>
    OperatorNamespace,

    /// <summary>The ConfigMap ledger's namespace (the operator's by default); granted only when
    /// <c>Ledger:Store</c> is <c>configMap</c>.</summary>
    ConfigMapLedger,

    /// <summary>Where segments may name a tidb-operator <c>TidbCluster</c> (<c>spec.cluster.tidbClusterRef</c>): granted
    /// with the segment rules (cluster-wide without a watch namespace); the chart grants it unless
    /// <c>rbac.tidbClusters</c> is false.</summary>
    TidbClusters,
}
