using SegRestore.LocalCluster.Api;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// The API access a security review allows the operator (issue 11 "RBAC rules compared with an allow-list"): per
/// group and resource, the verbs. Written from the operator's call sites (informers list and watch segments and pods;
/// status is a PUT; token Secrets are created, updated and deleted by name, never listed; the ledger's ConfigMaps;
/// Events; Leases; the chain's checkpoint claim: read, created, deleted; worker pods' logs, read), independently of the RBAC manifests, which are checked against it.
/// </summary>
public static class OperatorRbacAllowList
{
    public const string OperatorUserAgentPrefix = "segrestore-kube/";

    public static IReadOnlyDictionary<(string Group, string Resource), string[]> Allowed { get; } = new Dictionary<(string, string), string[]>
    {
        [("segrestore.io", "pointrestoresegments")] = ["get", "list", "watch", "patch"],
        [("segrestore.io", "pointrestoresegments/status")] = ["update"],
        [("segrestore.io", "pointrestoresegments/finalizers")] = ["update"],
        [("", "pods")] = ["get", "list", "watch", "create", "delete"],
        // The worker's log is kept when its attempt ends (issue 22 "BR logs kept"); read only, never exec or attach.
        [("", "pods/log")] = ["get"],
        [("", "secrets")] = ["get", "create", "update", "delete"],
        [("", "configmaps")] = ["get", "list", "create", "update", "delete"],
        [("", "persistentvolumeclaims")] = ["get", "create", "delete"],
        // spec.worker.serviceAccountName is read before a worker is created (ServiceAccountNotFound).
        [("", "serviceaccounts")] = ["get"],
        [("", "events")] = ["get", "create", "update", "patch"],
        [("coordination.k8s.io", "leases")] = ["get", "create", "update", "delete"],
        // spec.cluster.tidbClusterRef: tidb-operator's TidbCluster is read, never changed.
        [("pingcap.com", "tidbclusters")] = ["get"],
    };

    /// <summary>Rights that would let a compromised operator escalate or read what it never needs.</summary>
    public static IReadOnlyList<(string Group, string Resource, string Verb, string Why)> Forbidden { get; } =
    [
        ("", "secrets", "list", "listing Secrets reads every credential in the namespace"),
        ("", "secrets", "watch", "watching Secrets reads every credential in the namespace"),
        ("", "pods/exec", "create", "exec into pods runs arbitrary commands"),
        ("", "pods/attach", "create", "attaching to pods reads and writes their terminals"),
        ("", "serviceaccounts/token", "create", "minting tokens impersonates other identities"),
        ("", "nodes", "get", "the operator has no business with nodes"),
        ("rbac.authorization.k8s.io", "roles", "escalate", "escalate grants what the operator does not hold"),
        ("rbac.authorization.k8s.io", "rolebindings", "bind", "bind grants roles to anyone"),
        ("", "users", "impersonate", "impersonation"),
    ];

    /// <summary>Requests outside the allow-list, as "verb group/resource".</summary>
    public static IEnumerable<string> Violations(IEnumerable<ApiRequestRecord> requests) =>
        requests.Where(r => !Allowed.TryGetValue((r.Group, r.Resource), out var verbs) || !verbs.Contains(r.Verb))
            .Select(r => $"{r.Verb} {(r.Group.Length == 0 ? "core" : r.Group)}/{r.Resource}")
            .Distinct()
            .Order(StringComparer.Ordinal);
}
