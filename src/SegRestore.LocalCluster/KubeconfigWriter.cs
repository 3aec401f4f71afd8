using System.Text;

namespace SegRestore.LocalCluster;

/// <summary>Writes a kubeconfig for kubectl and the operator: one cluster, one user (bearer token when set),
/// one current context.</summary>
public static class KubeconfigWriter
{
    public static string Render(string server, string? caPem, string? token, string contextName = "localcluster")
    {
        var builder = new StringBuilder();
        builder.AppendLine("apiVersion: v1");
        builder.AppendLine("kind: Config");
        builder.AppendLine("clusters:");
        builder.AppendLine($"- name: {contextName}");
        builder.AppendLine("  cluster:");
        builder.AppendLine($"    server: {server}");
        if (caPem is not null)
        {
            builder.AppendLine($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}");
        }

        builder.AppendLine("users:");
        builder.AppendLine($"- name: {contextName}");
        builder.AppendLine(token is null ? "  user: {}" : "  user:");
        if (token is not null)
        {
            builder.AppendLine($"    token: {token}");
        }

        builder.AppendLine("contexts:");
        builder.AppendLine($"- name: {contextName}");
        builder.AppendLine("  context:");
        builder.AppendLine($"    cluster: {contextName}");
        builder.AppendLine($"    user: {contextName}");
        builder.AppendLine("    namespace: default");
        builder.AppendLine($"current-context: {contextName}");
        return builder.ToString();
    }
}
