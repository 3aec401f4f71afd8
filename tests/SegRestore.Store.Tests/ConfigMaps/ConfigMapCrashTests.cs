using SegRestore.Store.ConfigMaps;
using SegRestore.Store.CrashWriter;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.ConfigMaps;

/// <summary>
/// The ConfigMap commit protocol (blobs first, then the index with a resourceVersion precondition) and the two-step
/// GC, proven by failing or interleaving between their steps through the store double.
/// </summary>
public sealed class ConfigMapCrashTests
{
    private static readonly LedgerOptions Options = new() { OrphanGrace = TimeSpan.FromHours(1) };
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryConfigMapStore _store;
    private readonly IChainLedger _ledger;

    public ConfigMapCrashTests()
    {
        _store = new InMemoryConfigMapStore(_time);
        _ledger = ConfigMapLedgers.Create(_store, Options, ConfigMapLedgerOptions.Default, _time);
    }

    [Theory]
    [InlineData("replace", 1)]
    [InlineData("create", 1)]
    [InlineData("create", 3)]
    public async Task A_writer_dying_between_steps_leaves_the_previous_generation_intact(string failingOperation, int failOnCall)
    {
        var chain = await _ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var previous = Samples.Bytes(1_500_000, 21);
        await _ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("state", previous)], []), CancellationToken.None);
        var calls = 0;
        _store.BeforeWrite = (operation, _) =>
            operation == failingOperation && ++calls == failOnCall ? throw new IOException("process killed") : Task.CompletedTask;

        var act = () => _ledger.CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(1, [CheckpointPut.FromBytes("state", Samples.Bytes(4_000_000, 22)), CheckpointPut.FromBytes("more", [1])], []),
            CancellationToken.None);

        await act.Should().ThrowAsync<IOException>();
        _store.BeforeWrite = null;
        var restarted = ConfigMapLedgers.Create(_store, Options, ConfigMapLedgerOptions.Default, _time);
        (await restarted.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Files.Should().ContainSingle().Which.Generation.Should().Be(1);
        (await restarted.ReadFileAsync(chain.RootUid, "state")).ShouldEqualBytes(previous);
        _time.Advance(Options.OrphanGrace);
        await restarted.CollectGarbageAsync(CancellationToken.None);
        (await BlobNamesAsync(chain.RootUid)).Should().HaveCount(2, "only the two chunks of the committed file remain");
        AssertNoDanglingChunks();
    }

    [Fact]
    public async Task Garbage_collection_racing_a_commit_that_reuses_an_orphan_chunk_fails_the_commit_instead_of_leaving_it_dangling()
    {
        var chain = await _ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        await using (var dead = new FailingStream(ConfigMapLedgerOptions.ChunkBytes + 10))
        {
            await FluentActions.Awaiting(() => _ledger.CommitCheckpointAsync(chain.RootUid,
                new CheckpointCommit(0, [new CheckpointPut("dead", dead)], []), CancellationToken.None)).Should().ThrowAsync<IOException>();
        }

        _time.Advance(Options.OrphanGrace);
        var sameChunk = Enumerable.Repeat((byte)0x5a, ConfigMapLedgerOptions.ChunkBytes).ToArray();
        var collector = ConfigMapLedgers.Create(_store, Options, ConfigMapLedgerOptions.Default, _time);
        var collected = false;
        _store.BeforeWrite = async (operation, name) =>
        {
            if (operation == "replace" && name == LedgerNaming.IndexName(chain.RootUid) && !collected)
            {
                collected = true;
                (await collector.CollectGarbageAsync(CancellationToken.None)).RemovedBlobs.Should().Be(1);
            }
        };

        var act = () => _ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("f", sameChunk)], []), CancellationToken.None);

        (await act.Should().ThrowAsync<LedgerConflictException>()).Which.Message.Should().Contain("retry the commit");
        collected.Should().BeTrue();
        (await _ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Generation.Should().Be(0);
        AssertNoDanglingChunks();
        _store.BeforeWrite = null;
        await _ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("f", sameChunk)], []), CancellationToken.None);
        (await _ledger.ReadFileAsync(chain.RootUid, "f")).ShouldEqualBytes(sameChunk);
    }

    [Fact]
    public async Task A_gc_pass_dying_between_marking_and_deleting_is_finished_by_the_next_pass()
    {
        var chain = await _ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        await _ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("a", Samples.Bytes(100, 23))], []), CancellationToken.None);
        await _ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(1, [CheckpointPut.FromBytes("a", Samples.Bytes(100, 24))], []), CancellationToken.None);
        _time.Advance(Options.OrphanGrace);
        _store.BeforeWrite = (operation, _) => operation == "delete" ? throw new IOException("process killed") : Task.CompletedTask;

        await FluentActions.Awaiting(() => _ledger.CollectGarbageAsync(CancellationToken.None)).Should().ThrowAsync<IOException>();
        _store.BeforeWrite = null;
        var marked = IndexCodec.FromConfigMap((await _store.GetAsync(LedgerNaming.IndexName(chain.RootUid), CancellationToken.None))!);
        var next = await _ledger.CollectGarbageAsync(CancellationToken.None);

        marked.Collecting.Should().ContainSingle();
        next.RemovedBlobs.Should().Be(1);
        IndexCodec.FromConfigMap((await _store.GetAsync(LedgerNaming.IndexName(chain.RootUid), CancellationToken.None))!).Collecting.Should().BeEmpty();
        (await BlobNamesAsync(chain.RootUid)).Should().ContainSingle();
        (await _ledger.ReadFileAsync(chain.RootUid, "a")).Should().Equal(Samples.Bytes(100, 24));
    }

    [Fact]
    public async Task A_commit_that_loses_the_index_race_to_a_segment_update_retries_and_keeps_both()
    {
        var chain = await _ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var other = ConfigMapLedgers.Create(_store, Options, ConfigMapLedgerOptions.Default, _time);
        var interleaved = false;
        _store.BeforeWrite = async (operation, _) =>
        {
            if (operation == "replace" && !interleaved)
            {
                interleaved = true;
                await other.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None);
            }
        };

        var generation = await _ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("a", [1, 2])], []), CancellationToken.None);

        generation.Should().Be(1);
        (await _ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Should().ContainSingle();
        (await _ledger.ReadFileAsync(chain.RootUid, "a")).Should().Equal(1, 2);
    }

    private async Task<IReadOnlyList<string>> BlobNamesAsync(string chainUid) =>
        (await _store.ListAsync(LedgerNaming.BlobsOf(LedgerNaming.ChainKey(chainUid)), includeData: false, CancellationToken.None)).Select(b => b.Name).ToList();

    /// <summary>The invariant the protocol exists for: every chunk a committed file references has its blob.</summary>
    private void AssertNoDanglingChunks()
    {
        var all = _store.Snapshot();
        var names = all.Select(c => c.Name).ToHashSet();
        foreach (var configMap in all.Where(c => c.Labels[LedgerNaming.KindLabel] == LedgerNaming.IndexKind))
        {
            var index = IndexCodec.FromConfigMap(configMap);
            foreach (var file in index.Files)
            {
                file.Chunks.Should().AllSatisfy(chunk => names.Should().Contain(LedgerNaming.BlobName(index.Chain.RootUid, chunk)));
            }
        }
    }
}
