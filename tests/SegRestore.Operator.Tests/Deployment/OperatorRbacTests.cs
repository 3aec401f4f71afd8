using SegRestore.Operator.Deployment;

namespace SegRestore.Operator.Tests.Deployment;

/// <summary>
/// Pins the operator's RBAC to an allow-list written here, call site by call site, so a new API call (or a verb
/// dropped from the code) is a deliberate change of this list, the generated manifests and docs/install.md.
/// </summary>
public class OperatorRbacTests
{
    // (scope, group, resource, verb): why, with the call site.
    private static readonly string[] AllowList =
    [
        "SegmentNamespaces segrestore.io pointrestoresegments list",             // ResourceInformer list
        "SegmentNamespaces segrestore.io pointrestoresegments watch",            // ResourceInformer watch
        "SegmentNamespaces segrestore.io pointrestoresegments patch",            // EntityFinalizers, AttemptLauncher.LabelAsync
        "SegmentNamespaces segrestore.io pointrestoresegments/status update",    // SegmentStatusWriter ReplaceStatusAsync
        "SegmentNamespaces segrestore.io pointrestoresegments/finalizers update",// blockOwnerDeletion owner references
        "SegmentNamespaces core pods get",                                       // AttemptLauncher adoption
        "SegmentNamespaces core pods list",                                      // owned-pod informer, ListPodsAsync
        "SegmentNamespaces core pods watch",                                     // owned-pod informer
        "SegmentNamespaces core pods create",                                    // AttemptLauncher.LaunchAsync
        "SegmentNamespaces core pods delete",                                    // AttemptLauncher.DeletePodAsync
        "SegmentNamespaces core pods/log get",                                   // AttemptLogStore.CaptureAsync
        "SegmentNamespaces core secrets get",                                    // PdClusterIds TLS, UpsertSecretAsync
        "SegmentNamespaces core secrets create",                                 // token Secret
        "SegmentNamespaces core secrets update",                                 // token Secret left by a crash
        "SegmentNamespaces core secrets delete",                                 // DeleteTokenSecretsAsync
        "SegmentNamespaces core serviceaccounts get",                            // AttemptLauncher.PreflightAsync (spec.worker.serviceAccountName)
        "SegmentNamespaces core persistentvolumeclaims get",                     // CheckpointClaims.PrepareAsync
        "SegmentNamespaces core persistentvolumeclaims create",                  // CheckpointClaims.PrepareAsync, when missing
        "SegmentNamespaces core persistentvolumeclaims delete",                  // CheckpointClaims.DeleteAsync, chain ended
        "SegmentNamespaces core configmaps get",                                 // AttemptLogStore: the kept log, after a restart
        "SegmentNamespaces core configmaps create",                              // WriteTiFlashSqlAsync, AttemptLogStore
        "SegmentNamespaces core configmaps update",                              // AttemptLogStore: replaces a kept log
        "SegmentNamespaces core events get",                                     // EventRecorder
        "SegmentNamespaces core events create",                                  // EventRecorder
        "SegmentNamespaces core events update",                                  // EventRecorder count bump
        "OperatorNamespace coordination.k8s.io leases get",                      // LeaderElector, ClusterLeases
        "OperatorNamespace coordination.k8s.io leases create",                   // LeaderElector, ClusterLeases
        "OperatorNamespace coordination.k8s.io leases update",                   // renew, ClusterLeases re-holder
        "OperatorNamespace coordination.k8s.io leases delete",                   // ClusterLeases.ReleaseAsync
        "ConfigMapLedger core configmaps get",                                   // KubernetesConfigMapStore
        "ConfigMapLedger core configmaps list",
        "ConfigMapLedger core configmaps create",
        "ConfigMapLedger core configmaps update",
        "ConfigMapLedger core configmaps delete",
        "TidbClusters pingcap.com tidbclusters get",                             // TidbClusterResolver.ResolveAsync
    ];

    [Fact]
    public void Rules_grant_exactly_the_allow_listed_verbs()
    {
        var granted = Enum.GetValues<RbacScope>()
            .SelectMany(scope => OperatorRbac.For(scope).SelectMany(rule =>
                from apiGroup in rule.ApiGroups
                from resource in rule.Resources
                from verb in rule.Verbs
                select $"{scope} {(apiGroup.Length == 0 ? "core" : apiGroup)} {resource} {verb}"))
            .ToList();

        granted.Should().OnlyHaveUniqueItems();
        granted.Should().BeEquivalentTo(AllowList);
    }

    [Fact]
    public void No_rule_uses_wildcards_or_escalating_verbs()
    {
        var rules = Enum.GetValues<RbacScope>().SelectMany(OperatorRbac.For).ToList();

        rules.SelectMany(r => r.ApiGroups.Concat(r.Resources).Concat(r.Verbs)).Should().NotContain("*");
        rules.SelectMany(r => r.Verbs).Should().NotContain(["escalate", "bind", "impersonate", "deletecollection"]);
        rules.Should().OnlyContain(r => r.Why.Length > 20, "every rule says why the operator needs it");
    }
}
