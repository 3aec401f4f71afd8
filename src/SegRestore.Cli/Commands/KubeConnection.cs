using k8s.Exceptions;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;

namespace SegRestore.Cli.Commands;

/// <summary>The client of a command that talks to the cluster: from --kubeconfig, else $KUBECONFIG or
/// ~/.kube/config, else in-cluster, read by the official client (contexts, exec plugins, client certificates, tokens).
/// A kubeconfig that cannot be read (or an exec plugin that fails) is said on stderr with the fix.</summary>
public static class KubeConnection
{
    public static async Task<(KubernetesClient? Client, string Namespace)> OpenAsync(string command, string? kubeconfig, string? ns)
    {
        k8s.KubernetesClientConfiguration configuration;
        try
        {
            configuration = kubeconfig is { } path ? KubeConfiguration.FromFile(path) : KubeConfiguration.BuildDefault();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or KubeConfigException or YamlDotNet.Core.YamlException)
        {
            await Console.Error.WriteLineAsync($"{command}: cannot read the kubeconfig: {KubeconfigProblem.Describe(e.Message, "pass --kubeconfig PATH or set KUBECONFIG")}").ConfigureAwait(false);
            return (null, "");
        }

        return (new KubernetesClient(configuration, SegRestoreEntityJson.Instance), ns ?? configuration.Namespace ?? "default");
    }
}
