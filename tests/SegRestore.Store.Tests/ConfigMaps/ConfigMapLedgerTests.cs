using SegRestore.Store.ConfigMaps;
using SegRestore.Store.CrashWriter;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.ConfigMaps;

/// <summary>What only the ConfigMap ledger has: sharding into blobs, size limits, content addressing.</summary>
public sealed class ConfigMapLedgerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryConfigMapStore _store;

    public ConfigMapLedgerTests() => _store = new InMemoryConfigMapStore(_time);

    [Fact]
    public async Task An_index_update_keeps_annotations_others_put_on_the_index()
    {
        var ledger = Ledger();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var name = LedgerNaming.IndexName(chain.RootUid);
        var stored = (await _store.GetAsync(name, CancellationToken.None))!;
        await _store.ReplaceAsync(stored with { Annotations = new Dictionary<string, string> { ["example.com/owner"] = "dba-team" } }, CancellationToken.None);

        await ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None);

        var updated = (await _store.GetAsync(name, CancellationToken.None))!;
        updated.Annotations.Should().Equal(new Dictionary<string, string> { ["example.com/owner"] = "dba-team" });
        IndexCodec.FromConfigMap(updated).Segments.Should().ContainSingle();
    }

    [Fact]
    public async Task A_start_with_its_first_attempt_is_one_index_write()
    {
        var ledger = Ledger();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var writes = new List<string>();
        _store.BeforeWrite = (operation, name) =>
        {
            writes.Add($"{operation} {name}");
            return Task.CompletedTask;
        };

        var record = await ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), new SegmentAttempt(1, "pod-1"), CancellationToken.None);

        writes.Should().ContainSingle().Which.Should().EndWith(LedgerNaming.IndexName(chain.RootUid));
        record.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task A_result_with_items_is_one_index_write()
    {
        var ledger = Ledger();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var segment = await ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None);
        await ledger.RecordAttemptAsync(chain.RootUid, segment.Uid, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        var writes = new List<string>();
        _store.BeforeWrite = (operation, name) =>
        {
            writes.Add($"{operation} {name}");
            return Task.CompletedTask;
        };

        await ledger.RecordResultAsync(chain.RootUid, segment.Uid, new SegmentCompletion(1, true, null, Samples.Summary, null, null), Samples.Items, CancellationToken.None);

        writes.Should().ContainSingle().Which.Should().EndWith(LedgerNaming.IndexName(chain.RootUid));
        (await ledger.LoadItemsAsync(chain.RootUid, CancellationToken.None)).Should().BeEquivalentTo(Samples.Items);
    }

    [Fact]
    public async Task A_large_file_is_sharded_into_labelled_blobs_of_at_most_900_KiB_of_gzip()
    {
        var ledger = Ledger();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var content = Samples.Bytes(5 * 1024 * 1024, 11);

        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("sst/1.sst", content)], []), CancellationToken.None);

        var blobs = _store.Snapshot().Where(c => c.Labels[LedgerNaming.KindLabel] == LedgerNaming.BlobKind).ToList();
        blobs.Should().HaveCount(6);
        blobs.Should().AllSatisfy(blob =>
        {
            blob.BinaryData[LedgerNaming.BlobKey].Length.Should().BeLessThanOrEqualTo(900 * 1024);
            blob.Data.Should().BeEmpty();
            blob.Labels[LedgerNaming.ChainLabel].Should().Be(LedgerNaming.ChainKey(chain.RootUid));
            blob.Labels[LedgerNaming.ManagedByLabel].Should().Be("segrestore");
        });
        var index = _store.Snapshot().Single(c => c.Labels[LedgerNaming.KindLabel] == LedgerNaming.IndexKind);
        index.Labels[LedgerNaming.StateLabel].Should().Be("Active");
        (await ledger.ReadFileAsync(chain.RootUid, "sst/1.sst")).ShouldEqualBytes(content);
    }

    [Fact]
    public async Task Identical_chunks_are_stored_once_because_blobs_are_content_addressed()
    {
        var ledger = Ledger();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var content = Samples.Bytes(2 * 1024 * 1024, 12);

        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0,
            [CheckpointPut.FromBytes("a", content), CheckpointPut.FromBytes("b", content)], []), CancellationToken.None);
        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(1, [CheckpointPut.FromBytes("c", content)], []), CancellationToken.None);

        (await BlobCountAsync(chain.RootUid)).Should().Be(3);
        (await ledger.ReadFileAsync(chain.RootUid, "c")).ShouldEqualBytes(content);
    }

    [Fact]
    public async Task A_chain_over_the_size_limit_fails_with_an_error_suggesting_the_sql_store_and_keeps_its_files()
    {
        var ledger = Ledger(new ConfigMapLedgerOptions { MaxChainBytes = 3 * 1024 * 1024 });
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("a", Samples.Bytes(2 * 1024 * 1024, 13))], []), CancellationToken.None);

        var act = () => ledger.CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(1, [CheckpointPut.FromBytes("b", Samples.Bytes(2 * 1024 * 1024, 14))], []), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<LedgerCapacityException>()).Which;
        error.Message.Should().Contain(chain.RootUid).And.Contain("PostgreSQL or SQLite").And.Contain("3145728");
        (await ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Files.Select(f => f.Path).Should().Equal("a");
    }

    [Fact]
    public async Task Replacing_a_file_counts_only_the_new_content_against_the_limit()
    {
        var ledger = Ledger(new ConfigMapLedgerOptions { MaxChainBytes = 3 * 1024 * 1024 });
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, [CheckpointPut.FromBytes("a", Samples.Bytes(2 * 1024 * 1024, 15))], []), CancellationToken.None);

        var generation = await ledger.CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(1, [CheckpointPut.FromBytes("a", Samples.Bytes(2 * 1024 * 1024, 16))], []), CancellationToken.None);

        generation.Should().Be(2);
    }

    [Fact]
    public async Task An_index_over_its_limit_fails_with_a_capacity_error_and_keeps_the_previous_index()
    {
        var ledger = Ledger(new ConfigMapLedgerOptions { MaxIndexBytes = 8 * 1024 });
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);
        var many = Enumerable.Range(0, 500).Select(i => new TiFlashItem("shop", $"table_{i}", 2, ["zone"])).ToList();

        var act = () => ledger.SaveItemsAsync(chain.RootUid, new ChainItems(many, [], []), CancellationToken.None);

        (await act.Should().ThrowAsync<LedgerCapacityException>()).Which.Message.Should().Contain("Use the SQL ledger");
        (await ledger.LoadItemsAsync(chain.RootUid, CancellationToken.None)).TiFlash.Should().BeEmpty();
    }

    [Fact]
    public async Task The_index_of_a_finalized_chain_is_labelled_finalized_for_discovery()
    {
        var ledger = Ledger();
        var chain = await ledger.CreateChainAsync(Samples.Chain(), CancellationToken.None);

        await ledger.FinalizeChainAsync(chain.RootUid, CancellationToken.None);

        var finalized = await _store.ListAsync(new Dictionary<string, string> { [LedgerNaming.StateLabel] = "Finalized" }, includeData: false, CancellationToken.None);
        finalized.Select(c => c.Name).Should().Equal(LedgerNaming.IndexName(chain.RootUid));
    }

    private IChainLedger Ledger(ConfigMapLedgerOptions? limits = null) =>
        ConfigMapLedgers.Create(_store, LedgerOptions.Default, limits ?? ConfigMapLedgerOptions.Default, _time);

    private async Task<int> BlobCountAsync(string chainUid) =>
        (await _store.ListAsync(LedgerNaming.BlobsOf(LedgerNaming.ChainKey(chainUid)), includeData: false, CancellationToken.None)).Count;
}
