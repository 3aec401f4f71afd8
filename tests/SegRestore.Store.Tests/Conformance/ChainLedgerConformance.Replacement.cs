using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Conformance;

/// <summary>A segment that did not succeed is replaced at its index by one that names the same predecessor.</summary>
public abstract partial class ChainLedgerConformance
{
    [BackendFact]
    public async Task A_failed_segment_is_replaced_at_its_index_and_the_history_is_kept()
    {
        var (chain, failed) = await FailedSecondSegmentAsync();
        Time.Advance(TimeSpan.FromMinutes(5));
        var replacement = Samples.Segment(1) with { Name = "orders-1-fixed", RestoredTs = Samples.Tso0 + 1500, Replaces = failed.Uid };

        var recorded = await Ledger.RecordSegmentStartAsync(chain, replacement, new SegmentAttempt(1, "orders-1-fixed-a1"), CancellationToken.None);

        recorded.Start.Should().Be(replacement);
        recorded.State.Should().Be(SegmentState.Running);
        recorded.Attempts.Should().ContainSingle().Which.PodName.Should().Be("orders-1-fixed-a1");
        recorded.Replaced.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            failed.Uid,
            failed.Start.Name,
            failed.Start.RestoredTs,
            Last = false,
            Attempts = 1,
            FailureReason = "RangeOutsideLog",
        });
        var segments = await Ledger.ListSegmentsAsync(chain, CancellationToken.None);
        segments.Select(s => s.Uid).Should().HaveCount(2).And.Contain(replacement.Uid).And.NotContain(failed.Uid);
        segments.Single(s => s.Index == 1).Should().BeEquivalentTo(recorded);
    }

    [BackendFact]
    public async Task Recording_the_same_replacement_twice_is_a_no_op()
    {
        var (chain, failed) = await FailedSecondSegmentAsync();
        var replacement = Samples.Segment(1) with { Replaces = failed.Uid };
        var first = await Ledger.RecordSegmentStartAsync(chain, replacement, CancellationToken.None);

        var second = await Ledger.RecordSegmentStartAsync(chain, replacement, CancellationToken.None);

        second.Should().BeEquivalentTo(first);
        (await Ledger.ListSegmentsAsync(chain, CancellationToken.None)).Should().HaveCount(2);
    }

    [BackendFact]
    public async Task A_replacement_of_a_replacement_keeps_the_whole_history()
    {
        var (chain, failed) = await FailedSecondSegmentAsync();
        var second = Samples.Segment(1) with { Name = "orders-1-b", Replaces = failed.Uid };
        await Ledger.RecordSegmentStartAsync(chain, second, new SegmentAttempt(1, "b-a1"), CancellationToken.None);
        var third = Samples.Segment(1) with { Name = "orders-1-c", Replaces = second.Uid };

        var recorded = await Ledger.RecordSegmentStartAsync(chain, third, CancellationToken.None);

        recorded.Replaced!.Select(r => r.Name).Should().Equal(failed.Start.Name, "orders-1-b");
        recorded.Replaced![1].FailureReason.Should().BeNull("orders-1-b's attempt had no result (its pod was lost or it was deleted running)");
    }

    [BackendFact]
    public async Task A_replacement_that_would_change_the_chain_is_a_conflict_and_changes_nothing()
    {
        var refusals = new[] { "succeeded", "root", "other start", "wrong uid", "followed" };
        for (var i = 0; i < refusals.Length; i++)
        {
            var refusal = refusals[i];
            var (chain, failed) = await FailedSecondSegmentAsync(7230001234567890200UL + (ulong)i);
            var segments = await Ledger.ListSegmentsAsync(chain, CancellationToken.None);
            var replacement = Samples.Segment(1) with { Replaces = failed.Uid };
            switch (refusal)
            {
                case "succeeded":
                    await Ledger.RecordAttemptAsync(chain, failed.Uid, new SegmentAttempt(2, "a2"), CancellationToken.None);
                    await Ledger.RecordCompletionAsync(chain, failed.Uid, new SegmentCompletion(2, true, null, Samples.Summary, null, null), CancellationToken.None);
                    break;
                case "root":
                    replacement = Samples.Segment(0) with { Replaces = segments[0].Uid };
                    break;
                case "other start":
                    replacement = replacement with { StartTs = replacement.StartTs + 1 };
                    break;
                case "wrong uid":
                    replacement = replacement with { Replaces = "no-such-segment" };
                    break;
                case "followed":
                    await Ledger.RecordSegmentStartAsync(chain, Samples.Segment(2), CancellationToken.None);
                    break;
            }

            var before = await Ledger.ListSegmentsAsync(chain, CancellationToken.None);
            var act = () => Ledger.RecordSegmentStartAsync(chain, replacement, CancellationToken.None);

            (await act.Should().ThrowAsync<LedgerConflictException>(refusal)).Which.Message.Should().Contain("replace", refusal);
            (await Ledger.ListSegmentsAsync(chain, CancellationToken.None)).Should().BeEquivalentTo(before, refusal);
        }
    }

    /// <summary>A chain whose root succeeded and whose second segment's only attempt failed.</summary>
    private async Task<(string Chain, SegmentRecord Failed)> FailedSecondSegmentAsync(ulong clusterId = 7230001234567890123)
    {
        var chain = await NewChainAsync(clusterId);
        var root = Samples.Segment(0);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, root, new SegmentAttempt(1, "root-a1"), CancellationToken.None);
        await Ledger.RecordCompletionAsync(chain.RootUid, root.Uid, new SegmentCompletion(1, true, null, Samples.Summary, null, null), CancellationToken.None);
        var second = Samples.Segment(1);
        await Ledger.RecordSegmentStartAsync(chain.RootUid, second, new SegmentAttempt(1, "second-a1"), CancellationToken.None);
        var failed = await Ledger.RecordCompletionAsync(chain.RootUid, second.Uid,
            new SegmentCompletion(1, false, null, null, "RangeOutsideLog", "the range lies outside the log"), CancellationToken.None);
        return (chain.RootUid, failed);
    }
}
