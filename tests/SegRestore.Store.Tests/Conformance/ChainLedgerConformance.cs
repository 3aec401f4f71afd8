using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Conformance;

/// <summary>
/// The behaviour every ledger backend must show. Each backend subclasses this once and supplies storage; every test
/// gets fresh storage (its own SQLite file, PostgreSQL schema or in-memory ConfigMap store).
/// </summary>
public abstract partial class ChainLedgerConformance : IAsyncLifetime
{
    protected static readonly LedgerOptions Options = new() { Retention = TimeSpan.FromDays(7), OrphanGrace = TimeSpan.FromHours(1) };

    protected ManualTimeProvider Time { get; } = new();

    protected IChainLedger Ledger { get; private set; } = null!;

    private readonly List<IChainLedger> _opened = [];

    public async Task InitializeAsync()
    {
        await PrepareStorageAsync();
        Ledger = await OpenLedgerAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var ledger in _opened)
        {
            await ledger.DisposeAsync();
        }

        await CleanUpStorageAsync();
    }

    /// <summary>Another ledger instance over the same storage (a second operator replica, a restarted process).</summary>
    protected async Task<IChainLedger> OpenLedgerAsync()
    {
        var ledger = await OpenLedgerCoreAsync(Options, Time);
        _opened.Add(ledger);
        return ledger;
    }

    protected abstract Task PrepareStorageAsync();

    protected abstract Task<IChainLedger> OpenLedgerCoreAsync(LedgerOptions options, TimeProvider time);

    protected abstract Task CleanUpStorageAsync();

    /// <summary>Flips bytes inside a stored chunk of the file, bypassing the ledger.</summary>
    protected abstract Task CorruptStoredChunkAsync(string chainUid, string path);

    /// <summary>How many content blobs the storage holds for the chain (committed or not).</summary>
    protected abstract Task<int> CountStoredBlobsAsync(string chainUid);

    protected async Task<ChainRecord> NewChainAsync(ulong clusterId = 7230001234567890123) =>
        await Ledger.CreateChainAsync(Samples.Chain(clusterId: clusterId), CancellationToken.None);

    protected async Task<long> CommitAsync(string chainUid, long expected, IEnumerable<(string Path, byte[] Content)> puts, params string[] deletes) =>
        await Ledger.CommitCheckpointAsync(chainUid,
            new CheckpointCommit(expected, puts.Select(p => CheckpointPut.FromBytes(p.Path, p.Content)).ToList(), deletes),
            CancellationToken.None);
}
