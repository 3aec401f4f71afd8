using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Conformance;

public abstract partial class ChainLedgerConformance
{
    [BackendFact]
    public async Task Segment_starts_are_listed_in_index_order()
    {
        var chain = await NewChainAsync();
        await Ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(1), CancellationToken.None);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None);

        var segments = await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None);

        segments.Select(s => s.Index).Should().Equal(0, 1);
        segments.Should().AllSatisfy(s => s.State.Should().Be(SegmentState.Running));
    }

    [BackendFact]
    public async Task Recording_the_same_segment_start_twice_is_a_no_op()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0);
        Time.Advance(TimeSpan.FromTicks(1234567));
        var first = await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        var second = await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);

        second.Should().BeEquivalentTo(first);
        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Should().ContainSingle();
    }

    [BackendFact]
    public async Task A_changed_start_for_the_same_segment_uid_is_a_conflict()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);

        var act = () => Ledger.RecordSegmentStartAsync(chain.RootUid, start with { SpecHash = "changed" }, CancellationToken.None);

        await act.Should().ThrowAsync<LedgerConflictException>().WithMessage("*cannot change*");
        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Single().Start.Should().Be(start);
    }

    [BackendFact]
    public async Task A_second_segment_on_a_taken_index_is_a_conflict()
    {
        var chain = await NewChainAsync();
        await Ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None);

        var act = () => Ledger.RecordSegmentStartAsync(chain.RootUid, Samples.Segment(0), CancellationToken.None);

        await act.Should().ThrowAsync<LedgerConflictException>().WithMessage("*already taken*");
    }

    [BackendFact]
    public async Task Recording_the_same_attempt_twice_is_a_no_op_and_a_different_pod_is_a_conflict()
    {
        var (chain, segment) = await StartedSegmentAsync();
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);

        var again = await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        var other = () => Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-x"), CancellationToken.None);

        again.Attempts.Should().ContainSingle().Which.PodName.Should().Be("pod-1");
        await other.Should().ThrowAsync<LedgerConflictException>();
    }

    [BackendFact]
    public async Task An_attempt_out_of_order_is_a_conflict()
    {
        var (chain, segment) = await StartedSegmentAsync();

        var act = () => Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(2, "pod-2"), CancellationToken.None);

        await act.Should().ThrowAsync<LedgerConflictException>().WithMessage("*expects attempt 1*");
    }

    [BackendFact]
    public async Task A_start_with_its_first_attempt_records_both_and_a_repeat_changes_nothing()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0);

        var first = await Ledger.RecordSegmentStartAsync(chain.RootUid, start, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var again = await Ledger.RecordSegmentStartAsync(chain.RootUid, start, new SegmentAttempt(1, "pod-1"), CancellationToken.None);

        first.Start.Should().Be(start);
        first.Attempts.Should().ContainSingle().Which.PodName.Should().Be("pod-1");
        again.Should().BeEquivalentTo(first);
        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Single().Attempts.Should().ContainSingle();
    }

    [BackendFact]
    public async Task A_result_records_its_items_and_its_completion_and_a_repeat_changes_nothing()
    {
        var (chain, segment) = await StartedSegmentAsync();
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        var completion = new SegmentCompletion(1, true, null, Samples.Summary, null, "done");

        var first = await Ledger.RecordResultAsync(chain, segment, completion, Samples.Items, CancellationToken.None);
        var again = await Ledger.RecordResultAsync(chain, segment, completion, new ChainItems([], [], ["other"]), CancellationToken.None);

        first.State.Should().Be(SegmentState.Succeeded);
        again.Should().BeEquivalentTo(first);
        (await Ledger.LoadItemsAsync(chain, CancellationToken.None)).Should().BeEquivalentTo(Samples.Items);
        (await Ledger.ListSegmentsAsync(chain, CancellationToken.None)).Single().Summary.Should().Be(Samples.Summary);
    }

    [BackendFact]
    public async Task A_result_without_items_keeps_the_items_saved_before()
    {
        var (chain, segment) = await StartedSegmentAsync();
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        await Ledger.SaveItemsAsync(chain, Samples.Items, CancellationToken.None);

        await Ledger.RecordResultAsync(chain, segment, new SegmentCompletion(1, false, null, null, "BrError", "boom"), null, CancellationToken.None);

        (await Ledger.LoadItemsAsync(chain, CancellationToken.None)).Should().BeEquivalentTo(Samples.Items);
        (await Ledger.ListSegmentsAsync(chain, CancellationToken.None)).Single().State.Should().Be(SegmentState.Failed);
    }

    [BackendFact]
    public async Task A_successful_completion_records_the_summary_and_the_state()
    {
        var (chain, segment) = await StartedSegmentAsync();
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(3));

        await Ledger.RecordCompletionAsync(chain, segment, new SegmentCompletion(1, true, null, Samples.Summary, null, "done"), CancellationToken.None);

        var stored = (await Ledger.ListSegmentsAsync(chain, CancellationToken.None)).Single();
        stored.State.Should().Be(SegmentState.Succeeded);
        stored.Summary.Should().Be(Samples.Summary);
        stored.CompletedAt.Should().Be(Time.GetUtcNow());
        stored.Attempts.Single().Outcome.Should().Be(AttemptOutcome.Succeeded);
    }

    [BackendFact]
    public async Task Recording_the_same_completion_twice_is_a_no_op_and_a_different_one_is_a_conflict()
    {
        var (chain, segment) = await StartedSegmentAsync();
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        var completion = new SegmentCompletion(1, true, null, Samples.Summary, null, null);
        var first = await Ledger.RecordCompletionAsync(chain, segment, completion, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        var again = await Ledger.RecordCompletionAsync(chain, segment, completion, CancellationToken.None);
        var contrary = () => Ledger.RecordCompletionAsync(chain, segment, completion with { Succeeded = false, FailureReason = "BrError" }, CancellationToken.None);

        again.Should().BeEquivalentTo(first);
        await contrary.Should().ThrowAsync<LedgerConflictException>();
        (await Ledger.ListSegmentsAsync(chain, CancellationToken.None)).Single().State.Should().Be(SegmentState.Succeeded);
    }

    [BackendFact]
    public async Task A_failed_attempt_can_be_followed_by_a_successful_retry()
    {
        var (chain, segment) = await StartedSegmentAsync();
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(1, "pod-1"), CancellationToken.None);
        var failed = await Ledger.RecordCompletionAsync(chain, segment, new SegmentCompletion(1, false, null, null, "BrError", "region unavailable"), CancellationToken.None);
        await Ledger.RecordAttemptAsync(chain, segment, new SegmentAttempt(2, "pod-2"), CancellationToken.None);
        var done = await Ledger.RecordCompletionAsync(chain, segment, new SegmentCompletion(2, true, null, Samples.Summary, null, null), CancellationToken.None);

        failed.State.Should().Be(SegmentState.Failed);
        done.State.Should().Be(SegmentState.Succeeded);
        done.Attempts.Select(a => a.Outcome).Should().Equal(AttemptOutcome.Failed, AttemptOutcome.Succeeded);
        done.Attempts[0].FailureReason.Should().Be("BrError");
    }

    [BackendFact]
    public async Task An_open_ended_last_segment_takes_its_restored_ts_from_the_completion()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0, last: true) with { RestoredTs = null };
        await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);
        await Ledger.RecordAttemptAsync(chain.RootUid, start.Uid, new SegmentAttempt(1, "pod-1"), CancellationToken.None);

        var done = await Ledger.RecordCompletionAsync(chain.RootUid, start.Uid, new SegmentCompletion(1, true, Samples.Tso0 + 5000, Samples.Summary, null, null), CancellationToken.None);

        done.RestoredTs.Should().Be(Samples.Tso0 + 5000);
        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Single().RestoredTs.Should().Be(Samples.Tso0 + 5000);
    }

    [BackendFact]
    public async Task Two_ledger_instances_recording_the_same_start_concurrently_keep_one_segment()
    {
        var chain = await NewChainAsync();
        var other = await OpenLedgerAsync();
        var start = Samples.Segment(0);

        await Task.WhenAll(
            Task.Run(() => Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None)),
            Task.Run(() => other.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None)));

        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Should().ContainSingle().Which.Start.Should().Be(start);
    }

    private async Task<(string Chain, string Segment)> StartedSegmentAsync()
    {
        var chain = await NewChainAsync();
        var start = Samples.Segment(0);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);
        return (chain.RootUid, start.Uid);
    }
}
