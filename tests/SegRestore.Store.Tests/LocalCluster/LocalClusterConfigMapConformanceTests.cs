using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Conformance;

namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>The conformance suite on the ConfigMap ledger over <see cref="KubernetesConfigMapStore"/> and a real
/// (in-process) API server: one namespace per test. After each test every stored ConfigMap is checked against the
/// 1 MiB limit a real API server enforces and LocalCluster does not.</summary>
[Collection(LocalClusterLedgerFixture.Collection)]
public sealed class LocalClusterConfigMapConformanceTests(LocalClusterLedgerFixture cluster) : ChainLedgerConformance, IDisposable
{
    /// <summary>The API server's limit on a ConfigMap's data plus binaryData.</summary>
    private const long ApiServerConfigMapLimit = 1024 * 1024;

    private readonly KubernetesClient _client = cluster.NewClient();
    private string _namespace = null!;

    protected override async Task PrepareStorageAsync()
    {
        cluster.Time.Use(Time);
        _namespace = await cluster.NewNamespaceAsync(_client, "ledger");
    }

    protected override Task<IChainLedger> OpenLedgerCoreAsync(LedgerOptions options, TimeProvider time) =>
        Task.FromResult(ConfigMapLedgers.Create(new KubernetesConfigMapStore(_client, _namespace), options, ConfigMapLedgerOptions.Default, time));

    protected override async Task CleanUpStorageAsync()
    {
        var oversized = (await LocalClusterLedgerFixture.AllConfigMapsAsync(_client, _namespace))
            .Where(configMap => configMap.PayloadBytes > ApiServerConfigMapLimit)
            .Select(configMap => $"{configMap.Name}: {configMap.PayloadBytes} bytes")
            .ToList();
        await LocalClusterLedgerFixture.DeleteConfigMapsAsync(_client, _namespace);
        oversized.Should().BeEmpty("a real API server refuses ConfigMaps over 1 MiB");
    }

    protected override async Task CorruptStoredChunkAsync(string chainUid, string path)
    {
        var index = IndexCodec.FromConfigMap((await new KubernetesConfigMapStore(_client, _namespace).GetAsync(LedgerNaming.IndexName(chainUid), CancellationToken.None))!);
        var blobName = LedgerNaming.BlobName(chainUid, index.Files.Single(f => f.Path == path).Chunks[0]);
        var blob = (await _client.GetAsync<V1ConfigMap>(blobName, _namespace))!;
        var data = blob.BinaryData![LedgerNaming.BlobKey];
        data[data.Length / 2] ^= 0xff;
        await _client.ReplaceAsync(blob);
    }

    protected override async Task<int> CountStoredBlobsAsync(string chainUid) =>
        (await new KubernetesConfigMapStore(_client, _namespace)
            .ListAsync(LedgerNaming.BlobsOf(LedgerNaming.ChainKey(chainUid)), includeData: false, CancellationToken.None)).Count;

    public void Dispose() => _client.Dispose();
}
