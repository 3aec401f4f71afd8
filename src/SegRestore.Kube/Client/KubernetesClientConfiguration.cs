using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Kube.Client;

/// <summary>
/// Where the API server is and how to authenticate (KubernetesClient's <c>KubernetesClientConfiguration</c>).
/// Built from in-cluster files (<see cref="InClusterConfig()"/>) or a kubeconfig (<see cref="BuildConfigFromConfigFile"/>);
/// <see cref="BuildDefaultConfig"/> picks one the way kubectl and client-go do.
/// </summary>
public sealed partial class KubernetesClientConfiguration
{
    private string _userAgent = "segrestore-kube/1.0";

    /// <summary>The API server, e.g. <c>https://10.0.0.1:443</c>.</summary>
    public required Uri Host { get; init; }

    /// <summary>The namespace to use when a call names none (the context's or the service account's namespace).</summary>
    public string? Namespace { get; init; }

    /// <summary>A fixed bearer token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>A file holding the bearer token; re-read every <see cref="TokenReloadPeriod"/> because it rotates.</summary>
    public string? TokenFile { get; init; }

    public TimeSpan TokenReloadPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The certificate authorities to trust for the server's certificate; none means the system store.</summary>
    public X509Certificate2Collection? SslCaCerts { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    public bool SkipTlsVerify { get; init; }

    /// <summary>The name expected in the server's certificate when it differs from the host name.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Sent on every request, so that the server (and its fault injection) can tell clients apart.</summary>
    public string UserAgent { get => _userAgent; init => _userAgent = value; }

    /// <summary>The time limit of one request (for a watch: until the response headers arrive).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// In-cluster when <c>KUBERNETES_SERVICE_HOST</c> is set and the service-account token exists; otherwise the
    /// kubeconfig named by <c>KUBECONFIG</c> (first entry) or <c>~/.kube/config</c>.
    /// </summary>
    public static KubernetesClientConfiguration BuildDefaultConfig()
    {
        if (IsInCluster())
        {
            return InClusterConfig();
        }

        var path = Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator)[0];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        }

        return BuildConfigFromConfigFile(path);
    }

    /// <summary>
    /// A copy with another user agent (used to tell several clients in one process apart). Member-wise, so a property
    /// added later is copied too.
    /// </summary>
    public KubernetesClientConfiguration WithUserAgent(string userAgent)
    {
        var copy = (KubernetesClientConfiguration)MemberwiseClone();
        copy._userAgent = userAgent;
        return copy;
    }
}
