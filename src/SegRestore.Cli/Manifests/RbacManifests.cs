using System.Text.Json.Nodes;
using SegRestore.Operator.Deployment;

namespace SegRestore.Cli.Manifests;

/// <summary>
/// config/rbac.yaml: the ServiceAccount, the segment rules (a ClusterRole, or a Role in the watched namespace), and a
/// Role in the operator's namespace for its Leases and the ConfigMap ledger; all rules from <see cref="OperatorRbac"/>.
/// </summary>
public static class RbacManifests
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    public static IReadOnlyList<JsonObject> Build(ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var documents = new List<JsonObject> { ServiceAccount(settings.Namespace) };
        var segmentRules = Rules(OperatorRbac.SegmentNamespaceRules.Concat(OperatorRbac.TidbClusterRules));
        if (settings.WatchNamespace is { Length: > 0 } watched)
        {
            documents.Add(Role("Role", ManifestNames.SegmentsRole, watched, segmentRules));
            documents.Add(Binding("RoleBinding", "Role", ManifestNames.SegmentsRole, watched, settings.Namespace));
        }
        else
        {
            documents.Add(Role("ClusterRole", ManifestNames.SegmentsRole, null, segmentRules));
            documents.Add(Binding("ClusterRoleBinding", "ClusterRole", ManifestNames.SegmentsRole, null, settings.Namespace));
        }

        var local = Rules(OperatorRbac.OperatorNamespaceRules.Concat(OperatorRbac.ConfigMapLedgerRules));
        documents.Add(Role("Role", ManifestNames.OperatorNamespaceRole, settings.Namespace, local));
        documents.Add(Binding("RoleBinding", "Role", ManifestNames.OperatorNamespaceRole, settings.Namespace, settings.Namespace));
        return documents;
    }

    /// <summary>The rules as a PolicyRule list (the chart's generated template holds the same list).</summary>
    public static JsonArray Rules(IEnumerable<RbacRule> rules) =>
        new([.. rules.Select(Rule)]);

    public static JsonObject Rule(RbacRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new JsonObject
        {
            ["apiGroups"] = Strings(rule.ApiGroups),
            ["resources"] = Strings(rule.Resources),
            ["verbs"] = Strings(rule.Verbs),
        };
    }

    private static JsonObject ServiceAccount(string @namespace) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = ManifestMetadata.Of(ManifestNames.Operator, @namespace),
        // The operator's own pod needs its token; worker pods never mount one (WorkerPodBuilder).
        ["automountServiceAccountToken"] = true,
    };

    private static JsonObject Role(string kind, string name, string? @namespace, JsonArray rules) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = ManifestMetadata.Of(name, @namespace),
        ["rules"] = rules,
    };

    private static JsonObject Binding(string kind, string roleKind, string roleName, string? @namespace, string serviceAccountNamespace) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = ManifestMetadata.Of(roleName, @namespace),
        ["roleRef"] = new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = roleKind,
            ["name"] = roleName,
        },
        ["subjects"] = new JsonArray(new JsonObject
        {
            ["kind"] = "ServiceAccount",
            ["name"] = ManifestNames.Operator,
            ["namespace"] = serviceAccountNamespace,
        }),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
