namespace SegRestore.Operator.Deployment;

/// <summary>
/// Every Kubernetes API call the operator makes, as RBAC rules: exactly the verbs used, nothing more. This is the
/// one source of truth for <c>segrestore manifests</c> (config/rbac.yaml) and the Helm chart
/// (charts/segrestore/templates/_rbac-rules.tpl is generated from it); a test pins it against the call sites.
/// </summary>
public static class OperatorRbac
{
    public const string SegRestoreGroup = "segrestore.io";
    public const string CoreGroup = "";
    public const string CoordinationGroup = "coordination.k8s.io";
    public const string TidbOperatorGroup = "pingcap.com";

    /// <summary>Granted where segments live (cluster-wide without a watch namespace).</summary>
    public static IReadOnlyList<RbacRule> SegmentNamespaceRules { get; } =
    [
        new([SegRestoreGroup], ["pointrestoresegments"], ["list", "watch", "patch"],
            "The informer lists and watches segments; a merge patch adds and removes the finalizer and sets the chain/index labels."),
        new([SegRestoreGroup], ["pointrestoresegments/status"], ["update"],
            "Status is written with a PUT on the status subresource, guarded by resourceVersion."),
        new([SegRestoreGroup], ["pointrestoresegments/finalizers"], ["update"],
            "Worker pods, token Secrets and the TiFlash ConfigMap carry an owner reference with blockOwnerDeletion, which the OwnerReferencesPermissionEnforcement admission plugin allows only with this."),
        new([CoreGroup], ["pods"], ["get", "list", "watch", "create", "delete"],
            "Worker pods: the owned-pod informer lists and watches them, an attempt's pod is read back for adoption after a restart, created, and deleted when it is superseded or the segment is done."),
        new([CoreGroup], ["pods/log"], ["get"],
            "An attempt's worker log is read when the attempt ends or before its pod is deleted, to keep it (redacted, bounded) in a ConfigMap owned by the segment."),
        new([CoreGroup], ["secrets"], ["get", "create", "update", "delete"],
            "Each attempt's token Secret is created (or updated when a crashed attempt left one) and deleted when the segment finishes; the PD TLS Secret named in spec.cluster.tlsSecretName is read to ask PD its cluster id."),
        new([CoreGroup], ["serviceaccounts"], ["get"],
            "The ServiceAccount named in spec.worker.serviceAccountName is read before a worker is created, so a missing one is said as ServiceAccountNotFound instead of a refused pod."),
        new([CoreGroup], ["persistentvolumeclaims"], ["get", "create", "delete"],
            "Each chain in the Managed checkpoint mode keeps BR's checkpoint directory on a claim: read before each launch, created when missing, deleted when the chain is finalized or abandoned."),
        new([CoreGroup], ["configmaps"], ["get", "create", "update"],
            "The TiFlash replica SQL of a finalized chain is written to a ConfigMap owned by the last segment; each attempt's kept worker log is a ConfigMap owned by its segment, created or (after a restart) read and replaced."),
        new([CoreGroup], ["events"], ["get", "create", "update"],
            "Events on segments: created, or read and updated to bump the count of a repeated one."),
    ];

    /// <summary>Granted in the operator's namespace.</summary>
    public static IReadOnlyList<RbacRule> OperatorNamespaceRules { get; } =
    [
        new([CoordinationGroup], ["leases"], ["get", "create", "update", "delete"],
            "Leader election (Lease segrestore-operator: get, create, renew) and one Lease per PD cluster so that two chains never restore into the same cluster (released with a delete)."),
    ];

    /// <summary>Granted in the ledger's namespace when the ledger is stored in ConfigMaps.</summary>
    public static IReadOnlyList<RbacRule> ConfigMapLedgerRules { get; } =
    [
        new([CoreGroup], ["configmaps"], ["get", "list", "create", "update", "delete"],
            "The ConfigMap ledger: chain indexes and checkpoint blobs are read, listed by label, created, replaced with a resourceVersion guard and garbage-collected."),
    ];

    /// <summary>Granted where segments live, unless the chart's <c>rbac.tidbClusters</c> is false.</summary>
    public static IReadOnlyList<RbacRule> TidbClusterRules { get; } =
    [
        new([TidbOperatorGroup], ["tidbclusters"], ["get"],
            "A segment's spec.cluster.tidbClusterRef is read (never changed) to derive the PD address, the client TLS Secret and the TiDB service from tidb-operator's TidbCluster."),
    ];

    public static IReadOnlyList<RbacRule> For(RbacScope scope) => scope switch
    {
        RbacScope.SegmentNamespaces => SegmentNamespaceRules,
        RbacScope.OperatorNamespace => OperatorNamespaceRules,
        RbacScope.ConfigMapLedger => ConfigMapLedgerRules,
        RbacScope.TidbClusters => TidbClusterRules,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown RBAC scope"),
    };
}
