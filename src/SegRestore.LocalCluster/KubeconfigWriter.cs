using System.Text;

namespace SegRestore.LocalCluster;

/// <summary>Writes a kubeconfig for kubectl and the operator: one cluster, one user, one current context. The user
/// always carries a token: the cluster's bearer token, or <see cref="AnonymousToken"/> for a cluster without one
/// (which accepts any request), because the official client refuses a user without credentials.</summary>
public static class KubeconfigWriter
{
    /// <summary>The token of a cluster that needs none; it is no secret and LocalCluster does not check it.</summary>
    public const string AnonymousToken = "localcluster-anonymous";

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
        builder.AppendLine("  user:");
        builder.AppendLine($"    token: {token ?? AnonymousToken}");

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
