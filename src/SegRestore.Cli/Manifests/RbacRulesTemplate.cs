using System.Text;
using System.Text.Json.Nodes;
using SegRestore.Cli.Yaml;
using SegRestore.Operator.Deployment;

namespace SegRestore.Cli.Manifests;

/// <summary>
/// charts/segrestore/templates/_rbac-rules.tpl: the chart's RBAC rules as named templates, generated from
/// <see cref="OperatorRbac"/> like config/rbac.yaml, so the two can never disagree.
/// </summary>
public static class RbacRulesTemplate
{
    public const string RelativePath = "templates/_rbac-rules.tpl";

    public static readonly IReadOnlyList<(string Name, RbacScope Scope)> Templates =
    [
        ("segrestore.rbac.segmentNamespaceRules", RbacScope.SegmentNamespaces),
        ("segrestore.rbac.operatorNamespaceRules", RbacScope.OperatorNamespace),
        ("segrestore.rbac.configMapLedgerRules", RbacScope.ConfigMapLedger),
        ("segrestore.rbac.tidbClusterRules", RbacScope.TidbClusters),
    ];

    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("{{/* Generated from src/SegRestore.Operator/Deployment/OperatorRbac.cs by `segrestore manifests`; do not edit. Run `make manifests`. */}}\n");
        foreach (var (name, scope) in Templates)
        {
            text.Append("{{- define \"").Append(name).Append("\" }}\n");
            foreach (var rule in OperatorRbac.For(scope))
            {
                text.Append("# ").Append(rule.Why).Append('\n');
                text.Append(YamlJson.ToYaml(new JsonArray(RbacManifests.Rule(rule))));
            }

            text.Append("{{- end }}\n");
        }

        return text.ToString();
    }
}
