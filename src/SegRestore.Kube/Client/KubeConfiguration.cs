using System.Text;
using k8s;
using k8s.Exceptions;

namespace SegRestore.Kube.Client;

/// <summary>
/// Builds the official <see cref="KubernetesClientConfiguration"/> with this project's defaults (user agent, a 30 s
/// request timeout). Reading kubeconfigs (contexts, <c>KUBECONFIG</c> lists, exec plugins, client certificates,
/// tokens) and the in-cluster service account is the official client's; nothing here parses a kubeconfig.
/// </summary>
public static class KubeConfiguration
{
    /// <summary>Sent on every request (unless changed with <see cref="WithUserAgent"/>), so the server can tell clients apart.</summary>
    public const string DefaultUserAgent = "segrestore-kube/1.0";

    /// <summary>The time limit of one request (for a watch: until the response headers arrive).</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// In-cluster when <c>KUBERNETES_SERVICE_HOST</c> is set and the service-account token exists; otherwise the
    /// kubeconfig files named by <c>KUBECONFIG</c> (a list, merged as kubectl does) or <c>~/.kube/config</c>.
    /// </summary>
    public static KubernetesClientConfiguration BuildDefault()
    {
        if (KubernetesClientConfiguration.IsInCluster())
        {
            return WithDefaults(KubernetesClientConfiguration.InClusterConfig());
        }

        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("KUBECONFIG"))
            && !File.Exists(KubernetesClientConfiguration.KubeConfigDefaultLocation))
        {
            // The official default would fall back to http://localhost:8080; say what is missing instead.
            throw new KubeConfigException(
                $"No kubeconfig: KUBECONFIG is not set, '{KubernetesClientConfiguration.KubeConfigDefaultLocation}' " +
                "does not exist and this is not a pod with a service account; pass --kubeconfig PATH or set KUBECONFIG.");
        }

        return WithDefaults(KubernetesClientConfiguration.BuildDefaultConfig());
    }

    /// <summary>One kubeconfig file; relative file references resolve against its directory.</summary>
    public static KubernetesClientConfiguration FromFile(string path, string? context = null)
    {
        if (!File.Exists(path))
        {
            throw new KubeConfigException($"The kubeconfig file '{path}' does not exist; set KUBECONFIG or create ~/.kube/config.");
        }

        return WithDefaults(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context));
    }

    /// <summary>A kubeconfig held in memory (file references in it must be absolute).</summary>
    public static KubernetesClientConfiguration FromText(string yaml, string? context = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(yaml));
        return WithDefaults(KubernetesClientConfiguration.BuildConfigFromConfigFile(stream, context));
    }

    /// <summary>
    /// A server that needs no credentials (tests against a plain-HTTP LocalCluster). No context, so no default
    /// namespace: calls that name none fall back as they would without one.
    /// </summary>
    public static KubernetesClientConfiguration ForServer(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var configuration = WithDefaults(new KubernetesClientConfiguration { Host = server.ToString() });
        configuration.Namespace = null;
        return configuration;
    }

    /// <summary>
    /// A copy with another user agent (used to tell several clients in one process apart). It shares the original's
    /// token provider, so an exec plugin's token is still fetched once for both.
    /// </summary>
    public static KubernetesClientConfiguration WithUserAgent(this KubernetesClientConfiguration configuration, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var copy = KubeConfigurationCopy.Of(configuration);
        copy.UserAgent = userAgent;
        return copy;
    }

    /// <summary>
    /// What the official client would accept silently but cannot work: a server that is not a URL, or a client
    /// certificate without its key (the official transport then presents no certificate and the server answers 401).
    /// </summary>
    public static void Check(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _ = HostUri(configuration);
        var certificate = !string.IsNullOrEmpty(configuration.ClientCertificateData) || !string.IsNullOrEmpty(configuration.ClientCertificateFilePath);
        var key = !string.IsNullOrEmpty(configuration.ClientCertificateKeyData) || !string.IsNullOrEmpty(configuration.ClientKeyFilePath);
        if (certificate != key)
        {
            throw new KubeConfigException(
                "kubeconfig: a user has only one of client-certificate(-data) and client-key(-data); set both or neither.");
        }
    }

    /// <summary>The configuration's server as a URL, or the error that names it.</summary>
    internal static Uri HostUri(KubernetesClientConfiguration configuration) =>
        Uri.TryCreate(configuration.Host, UriKind.Absolute, out var host)
            ? host
            : throw new KubeConfigException($"The server '{configuration.Host}' is not an absolute URL (e.g. https://127.0.0.1:6443).");

    private static KubernetesClientConfiguration WithDefaults(KubernetesClientConfiguration configuration)
    {
        // The official configuration names its own user agent; a kubeconfig has none, so ours replaces it.
        configuration.UserAgent = DefaultUserAgent;
        configuration.HttpClientTimeout = DefaultRequestTimeout;
        configuration.Namespace ??= "default";
        return configuration;
    }
}
