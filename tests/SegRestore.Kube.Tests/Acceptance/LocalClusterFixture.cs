using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Kube.Tests.Acceptance;

/// <summary>
/// One LocalCluster for the acceptance tests, over HTTPS with a bearer token, so every test also exercises the
/// kubeconfig path (CA data, token) of the client. Tests use their own namespaces and reset faults when done.
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    private int _namespaces;

    public LocalClusterServer Server { get; private set; } = null!;

    public k8s.KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalClusterServer.StartAsync(new LocalClusterOptions
        {
            Https = true,
            BearerToken = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            BookmarkInterval = TimeSpan.FromSeconds(1),
            Kubelet = new KubeletOptions { Enabled = false },
        }, CancellationToken.None);
        Configuration = KubeConfiguration.FromText(Server.Kubeconfig);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client with its own official client and connection pool; <paramref name="wrap"/> can put a handler in front of its transport.</summary>
    public KubernetesClient NewClient(string userAgent = "kube-tests", Func<DelegatingHandler>? wrap = null)
    {
        var configuration = Configuration.WithUserAgent(userAgent);
        return wrap is null ? new KubernetesClient(configuration) : new KubernetesClient(configuration, null, wrap());
    }

    /// <summary>A fresh namespace, so tests do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync(KubernetesClient client, string prefix)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _namespaces)}";
        await client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}
