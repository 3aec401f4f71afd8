using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClientConfiguration
{
    public const string ServiceAccountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static bool IsInCluster() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && File.Exists(Path.Combine(ServiceAccountPath, "token"));

    /// <summary>The pod's service account: the token file (re-read as it rotates), the CA and the namespace.</summary>
    public static KubernetesClientConfiguration InClusterConfig() =>
        InClusterConfig(
            ServiceAccountPath,
            Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"),
            Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"));

    /// <summary>The same from an explicit directory and service address (the seam tests use).</summary>
    public static KubernetesClientConfiguration InClusterConfig(string serviceAccountDirectory, string? host, string? port)
    {
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port))
        {
            throw new KubeConfigException(
                "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set for in-cluster configuration " +
                $"(got host '{host}', port '{port}'); run inside a pod or use a kubeconfig.");
        }

        var tokenFile = Path.Combine(serviceAccountDirectory, "token");
        if (!File.Exists(tokenFile))
        {
            throw new KubeConfigException(
                $"The service-account token '{tokenFile}' does not exist; mount a service account token into the pod.");
        }

        var caFile = Path.Combine(serviceAccountDirectory, "ca.crt");
        var namespaceFile = Path.Combine(serviceAccountDirectory, "namespace");
        var hostPart = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Host = new Uri($"https://{hostPart}:{port}"),
            TokenFile = tokenFile,
            SslCaCerts = File.Exists(caFile) ? LoadPemCollection(File.ReadAllText(caFile)) : null,
            Namespace = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : null,
        };
    }

    internal static X509Certificate2Collection LoadPemCollection(string pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        return collection;
    }
}
