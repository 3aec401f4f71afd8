namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>A fresh LocalCluster per test, a kubeconfig for it, and the real kubectl pointed at it.</summary>
public abstract class KubectlTestBase : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lc-kubectl-").FullName;
    private LocalClusterServer? _server;

    protected Kubectl Kubectl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalClusterServer.StartAsync(Support.ClusterFixture.Options(), CancellationToken.None);
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await _server.WriteKubeconfigAsync(kubeconfig, CancellationToken.None);
        Kubectl = new Kubectl(kubeconfig, Path.Combine(_directory, "cache"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
