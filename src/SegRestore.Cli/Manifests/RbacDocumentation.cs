using System.Text;
using SegRestore.Operator.Deployment;

namespace SegRestore.Cli.Manifests;

/// <summary>The RBAC table of docs/install.md, from <see cref="OperatorRbac"/> (a test keeps the page current).</summary>
public static class RbacDocumentation
{
    public static string Table()
    {
        var text = new StringBuilder();
        text.Append("| granted in | API group | resource | verbs | why |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var scope in Enum.GetValues<RbacScope>())
        {
            foreach (var rule in OperatorRbac.For(scope))
            {
                text.Append("| ").Append(Where(scope))
                    .Append(" | ").Append(string.Join(", ", rule.ApiGroups.Select(g => g.Length == 0 ? "core (`\"\"`)" : $"`{g}`")))
                    .Append(" | ").Append(string.Join(", ", rule.Resources.Select(r => $"`{r}`")))
                    .Append(" | ").Append(string.Join(", ", rule.Verbs))
                    .Append(" | ").Append(rule.Why)
                    .Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Where(RbacScope scope) => scope switch
    {
        RbacScope.SegmentNamespaces => "segment namespaces",
        RbacScope.OperatorNamespace => "operator namespace",
        RbacScope.ConfigMapLedger => "ledger namespace (configMap store)",
        RbacScope.TidbClusters => "segment namespaces (rbac.tidbClusters)",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "unknown RBAC scope"),
    };
}
