using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Conformance;

public abstract partial class ChainLedgerConformance
{
    [BackendFact]
    public async Task Items_round_trip_in_order_and_a_save_replaces_the_previous_ones()
    {
        var chain = await NewChainAsync();
        await Ledger.SaveItemsAsync(chain.RootUid, new ChainItems([new TiFlashItem("x", "y", 1, [])], [], ["old"]), CancellationToken.None);

        await Ledger.SaveItemsAsync(chain.RootUid, Samples.Items, CancellationToken.None);

        (await Ledger.LoadItemsAsync(chain.RootUid, CancellationToken.None)).Should().BeEquivalentTo(Samples.Items, o => o.WithStrictOrdering());
    }

    [BackendFact]
    public async Task A_chain_without_items_loads_empty_items()
    {
        var chain = await NewChainAsync();

        (await Ledger.LoadItemsAsync(chain.RootUid, CancellationToken.None)).Should().BeEquivalentTo(ChainItems.Empty);
    }

    [BackendFact]
    public async Task Finalize_drops_files_and_items_and_keeps_the_chain_and_segment_summary()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0, last: true);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);
        await Ledger.RecordAttemptAsync(chain.RootUid, start.Uid, new SegmentAttempt(1, "pod"), CancellationToken.None);
        await Ledger.RecordCompletionAsync(chain.RootUid, start.Uid, new SegmentCompletion(1, true, null, Samples.Summary, null, null), CancellationToken.None);
        await CommitAsync(chain.RootUid, 0, [("a", Samples.Bytes(5000, 8))]);
        await Ledger.SaveItemsAsync(chain.RootUid, Samples.Items, CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));

        var finalized = await Ledger.FinalizeChainAsync(chain.RootUid, CancellationToken.None);

        finalized.State.Should().Be(ChainState.Finalized);
        finalized.FinalizedAt.Should().Be(Time.GetUtcNow());
        (await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Files.Should().BeEmpty();
        (await Ledger.LoadItemsAsync(chain.RootUid, CancellationToken.None)).Should().BeEquivalentTo(ChainItems.Empty);
        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Single().Summary.Should().Be(Samples.Summary);
        (await CountStoredBlobsAsync(chain.RootUid)).Should().Be(0);
    }

    [BackendFact]
    public async Task Finalize_twice_is_a_no_op_and_finalizing_an_abandoned_chain_is_a_conflict()
    {
        var finalized = await NewChainAsync();
        var abandoned = await NewChainAsync();
        var first = await Ledger.FinalizeChainAsync(finalized.RootUid, CancellationToken.None);
        await Ledger.AbandonChainAsync(abandoned.RootUid, "cluster rebuilt", CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        (await Ledger.FinalizeChainAsync(finalized.RootUid, CancellationToken.None)).Should().Be(first);
        await FluentActions.Awaiting(() => Ledger.FinalizeChainAsync(abandoned.RootUid, CancellationToken.None))
            .Should().ThrowAsync<LedgerConflictException>().WithMessage("*abandoned*");
    }

    [BackendFact]
    public async Task An_abandoned_chain_refuses_further_writes_and_its_checkpoint_state_is_cleaned()
    {
        var chain = await NewChainAsync();
        await CommitAsync(chain.RootUid, 0, [("a", [1])]);

        var abandoned = await Ledger.AbandonChainAsync(chain.RootUid, "ClusterChanged", CancellationToken.None);

        abandoned.State.Should().Be(ChainState.Abandoned);
        abandoned.StateReason.Should().Be("ClusterChanged");
        await FluentActions.Awaiting(() => CommitAsync(chain.RootUid, 1, [("b", [2])])).Should().ThrowAsync<LedgerConflictException>().WithMessage("*Abandoned*");
        await FluentActions.Awaiting(() => Ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None))
            .Should().ThrowAsync<LedgerConflictException>();
        await FluentActions.Awaiting(() => Ledger.SaveItemsAsync(chain.RootUid, Samples.Items, CancellationToken.None))
            .Should().ThrowAsync<LedgerConflictException>();
        (await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Files.Should().BeEmpty("nothing can resume an abandoned chain");
        (await Ledger.LoadItemsAsync(chain.RootUid, CancellationToken.None)).Should().BeEquivalentTo(ChainItems.Empty);
        (await Ledger.GetChainAsync(chain.RootUid, CancellationToken.None))!.StateReason.Should().Be("ClusterChanged", "the record stays for inspection");
    }

    [BackendFact]
    public async Task Garbage_collection_removes_finalized_and_abandoned_chains_only_after_the_retention_period()
    {
        var active = await NewChainAsync();
        var finalized = await NewChainAsync();
        var abandoned = await NewChainAsync();
        await CommitAsync(abandoned.RootUid, 0, [("a", [1])]);
        await Ledger.FinalizeChainAsync(finalized.RootUid, CancellationToken.None);
        await Ledger.AbandonChainAsync(abandoned.RootUid, "gone", CancellationToken.None);

        Time.Advance(Options.Retention - TimeSpan.FromMinutes(1));
        (await Ledger.CollectGarbageAsync(CancellationToken.None)).RemovedChains.Should().BeEmpty();
        Time.Advance(TimeSpan.FromMinutes(1));
        var report = await Ledger.CollectGarbageAsync(CancellationToken.None);

        report.RemovedChains.Should().BeEquivalentTo([finalized.RootUid, abandoned.RootUid]);
        (await Ledger.ListChainsAsync(ChainQuery.All, CancellationToken.None)).Select(c => c.RootUid).Should().Equal(active.RootUid);
        (await CountStoredBlobsAsync(abandoned.RootUid)).Should().Be(0);
    }

    [BackendFact]
    public async Task Garbage_collection_removes_blobs_of_a_dead_upload_only_after_the_orphan_grace()
    {
        var chain = await NewChainAsync();
        await CommitAsync(chain.RootUid, 0, [("kept", Samples.Bytes(3000, 9))]);
        await using var failing = new FailingStream(2 * 1024 * 1024);
        await FluentActions.Awaiting(() => Ledger.CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(1, [new CheckpointPut("dead", failing)], []), CancellationToken.None)).Should().ThrowAsync<IOException>();
        var withOrphans = await CountStoredBlobsAsync(chain.RootUid);

        var early = await Ledger.CollectGarbageAsync(CancellationToken.None);
        Time.Advance(Options.OrphanGrace);
        var late = await Ledger.CollectGarbageAsync(CancellationToken.None);

        withOrphans.Should().BeGreaterThan(1);
        early.RemovedBlobs.Should().Be(0);
        late.RemovedBlobs.Should().BeGreaterThan(0);
        (await CountStoredBlobsAsync(chain.RootUid)).Should().Be(1);
        (await Ledger.ReadFileAsync(chain.RootUid, "kept")).ShouldEqualBytes(Samples.Bytes(3000, 9));
    }

    [BackendFact]
    public async Task Writes_after_finalize_are_refused_but_replaying_recorded_results_is_still_a_no_op()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0, last: true);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);
        await Ledger.RecordAttemptAsync(chain.RootUid, start.Uid, new SegmentAttempt(1, "pod"), CancellationToken.None);
        var completion = new SegmentCompletion(1, true, null, Samples.Summary, null, null);
        await Ledger.RecordCompletionAsync(chain.RootUid, start.Uid, completion, CancellationToken.None);
        await Ledger.FinalizeChainAsync(chain.RootUid, CancellationToken.None);

        var replay = await Ledger.RecordCompletionAsync(chain.RootUid, start.Uid, completion, CancellationToken.None);

        replay.State.Should().Be(SegmentState.Succeeded);
        await FluentActions.Awaiting(() => Ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(1), CancellationToken.None))
            .Should().ThrowAsync<LedgerConflictException>().WithMessage("*Finalized*");
    }
}
