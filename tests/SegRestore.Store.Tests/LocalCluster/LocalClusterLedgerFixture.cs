using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>
/// One in-process LocalCluster (plain HTTP on a free loopback port, no kubelet) for every ConfigMap-ledger test that
/// needs a real API server. Each test takes its own namespace. Tests in the collection run one at a time, so the
/// cluster's clock can follow the running test's manual clock.
/// </summary>
public sealed class LocalClusterLedgerFixture : IAsyncLifetime
{
    public const string Collection = "LocalCluster ConfigMap ledger";

    private int _namespaces;

    public LocalClusterServer Server { get; private set; } = null!;

    public SwitchableTimeProvider Time { get; } = new();

    private k8s.KubernetesClientConfiguration Configuration { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalClusterServer.StartAsync(new LocalClusterOptions
        {
            Kubelet = new KubeletOptions { Enabled = false },
            // The change history keeps whole objects and the tests write 64 MiB of blobs, so it is kept short; but a
            // paged list's continue token expires once its version leaves the history, so not too short either.
            WatchHistory = 512,
            Time = Time,
        }, CancellationToken.None);
        Configuration = KubeConfiguration.FromText(Server.Kubeconfig);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client with its own connection pool (a separate operator replica).</summary>
    public KubernetesClient NewClient() => new(Configuration.WithUserAgent("store-tests"));

    public async Task<string> NewNamespaceAsync(IKubernetesClient client, string prefix)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref _namespaces)}";
        await client.CreateAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>Every ConfigMap the namespace holds, with data (for limit checks and clean-up).</summary>
    public static async Task<IReadOnlyList<ConfigMapObject>> AllConfigMapsAsync(IKubernetesClient client, string @namespace)
    {
        var all = new List<ConfigMapObject>();
        string? next = null;
        do
        {
            var page = await client.ListPageAsync<V1ConfigMap>(@namespace, new ListOptions { Limit = 16, Continue = next });
            all.AddRange(page.Items.Select(item => ConfigMapMapping.FromKubernetes(item, includeData: true)));
            next = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        return all;
    }

    /// <summary>Deletes the namespace's ConfigMaps so the in-memory server does not keep every test's blobs.</summary>
    public static async Task DeleteConfigMapsAsync(IKubernetesClient client, string @namespace)
    {
        var store = new KubernetesConfigMapStore(client, @namespace);
        foreach (var kind in new[] { LedgerNaming.AllIndexes, LedgerNaming.AllBlobs })
        {
            foreach (var configMap in await store.ListAsync(kind, includeData: false, CancellationToken.None))
            {
                await store.DeleteAsync(configMap.Name, null, CancellationToken.None);
            }
        }
    }
}
