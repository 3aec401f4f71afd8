using k8s;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>
/// The official Kubernetes client (KubernetesClient) for the suite's cluster: LocalCluster's URL, or the real
/// cluster of KUBECONFIG read by the official client's own kubeconfig loader (exec plugins, certificates, tokens).
/// </summary>
public static class OfficialClients
{
    public static Kubernetes For(ClusterFixture cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new Kubernetes(ClusterTarget.RealClusterRequested
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(Environment.GetEnvironmentVariable("KUBECONFIG"))
            : new KubernetesClientConfiguration { Host = cluster.BaseUrl });
    }

    public static Kubernetes For(LocalClusterServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseUrl });
    }
}
