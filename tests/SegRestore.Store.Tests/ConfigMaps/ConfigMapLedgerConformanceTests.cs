using SegRestore.Store.ConfigMaps;
using SegRestore.Store.CrashWriter;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Conformance;

namespace SegRestore.Store.Tests.ConfigMaps;

/// <summary>The conformance suite on the ConfigMap ledger over the in-memory ConfigMap store (the adapter to the
/// real Kubernetes client comes with SegRestore.Kube).</summary>
public sealed class ConfigMapLedgerConformanceTests : ChainLedgerConformance
{
    private InMemoryConfigMapStore _store = null!;

    protected override Task PrepareStorageAsync()
    {
        _store = new InMemoryConfigMapStore(Time);
        return Task.CompletedTask;
    }

    protected override Task<IChainLedger> OpenLedgerCoreAsync(LedgerOptions options, TimeProvider time) =>
        Task.FromResult(ConfigMapLedgers.Create(_store, options, ConfigMapLedgerOptions.Default, time));

    protected override Task CleanUpStorageAsync() => Task.CompletedTask;

    protected override async Task CorruptStoredChunkAsync(string chainUid, string path)
    {
        var index = IndexCodec.FromConfigMap((await _store.GetAsync(LedgerNaming.IndexName(chainUid), CancellationToken.None))!);
        var chunk = index.Files.Single(f => f.Path == path).Chunks[0];
        _store.FlipByte(LedgerNaming.BlobName(chainUid, chunk), LedgerNaming.BlobKey);
    }

    protected override async Task<int> CountStoredBlobsAsync(string chainUid) =>
        (await _store.ListAsync(LedgerNaming.BlobsOf(LedgerNaming.ChainKey(chainUid)), includeData: false, CancellationToken.None)).Count;
}
