using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Operator.Tests.Support;

/// <summary>
/// A test class against a real API server: a LocalCluster without its kubelet, started for each test, and a client
/// for it (<see cref="NewClient"/> gives a second one, e.g. a second operator).
/// </summary>
public abstract class LocalApiServerTest : IAsyncLifetime, IDisposable
{
    protected LocalClusterServer Server { get; private set; } = null!;

    protected KubernetesClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalClusterServer.StartAsync(new LocalClusterOptions { Kubelet = new KubeletOptions { Enabled = false } }, CancellationToken.None);
        Client = NewClient();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }

    protected KubernetesClient NewClient() => new(KubeConfiguration.FromText(Server.Kubeconfig));
}
