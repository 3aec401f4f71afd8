using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Rules;

public sealed class SegmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly ChainRecord Chain = new(Samples.Chain("root"), ChainState.Active, null, 0, Now, Now, null);

    public static TheoryData<string, SegmentStart, string> InvalidStarts => new()
    {
        { "segment.uid", Samples.Segment(0, uid: "u") with { Uid = "" }, "required" },
        { "segment.index", Samples.Segment(0, uid: "u") with { Index = -1 }, "start at 0" },
        { "segment.restoredTs", Samples.Segment(0, uid: "u") with { RestoredTs = Samples.Tso0 }, "greater than startTs" },
        { "segment.restoredTs", Samples.Segment(0, uid: "u") with { RestoredTs = null }, "only the last segment" },
        { "segment.specHash", Samples.Segment(0, uid: "u") with { SpecHash = " " }, "required" },
    };

    [Theory]
    [MemberData(nameof(InvalidStarts))]
    public void Invalid_segment_starts_name_the_field(string field, SegmentStart start, string fix)
    {
        var act = () => SegmentRules.Start(Chain, [], start, Now);

        var error = act.Should().Throw<LedgerValidationException>().Which;
        error.Field.Should().Be(field);
        error.Message.Should().Contain(fix);
    }

    [Fact]
    public void A_segment_after_the_last_segment_is_a_conflict()
    {
        var last = SegmentRules.Start(Chain, [], Samples.Segment(0, last: true), Now).Value;

        var act = () => SegmentRules.Start(Chain, [last], Samples.Segment(1), Now);

        act.Should().Throw<LedgerConflictException>().WithMessage("*follows the last segment*");
    }

    [Fact]
    public void A_new_attempt_supersedes_an_attempt_that_never_reported()
    {
        var segment = SegmentRules.Start(Chain, [], Samples.Segment(0), Now).Value;
        segment = SegmentRules.Attempt(Chain, segment, new SegmentAttempt(1, "pod-1"), Now).Value;

        var next = SegmentRules.Attempt(Chain, segment, new SegmentAttempt(2, "pod-2"), Now.AddMinutes(5)).Value;

        next.Attempts.Select(a => a.Outcome).Should().Equal(AttemptOutcome.Superseded, null);
        next.Attempts[0].CompletedAt.Should().Be(Now.AddMinutes(5));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(Samples.Tso0 + 1000, true)]
    [InlineData(Samples.Tso0 + 999, false)]
    public void A_planned_restored_ts_must_match_the_reported_one(ulong? reported, bool accepted)
    {
        var segment = SegmentRules.Start(Chain, [], Samples.Segment(0), Now).Value;
        segment = SegmentRules.Attempt(Chain, segment, new SegmentAttempt(1, "pod-1"), Now).Value;

        var act = () => SegmentRules.Complete(Chain, segment, new SegmentCompletion(1, true, reported, Samples.Summary, null, null), Now);

        if (accepted)
        {
            act().Value.RestoredTs.Should().Be(Samples.Tso0 + 1000);
        }
        else
        {
            act.Should().Throw<LedgerConflictException>().WithMessage("*reports*");
        }
    }

    [Fact]
    public void An_open_ended_last_segment_needs_the_reported_restored_ts()
    {
        var segment = SegmentRules.Start(Chain, [], Samples.Segment(0, last: true) with { RestoredTs = null }, Now).Value;
        segment = SegmentRules.Attempt(Chain, segment, new SegmentAttempt(1, "pod-1"), Now).Value;

        var act = () => SegmentRules.Complete(Chain, segment, new SegmentCompletion(1, true, null, Samples.Summary, null, null), Now);

        act.Should().Throw<LedgerValidationException>().Which.Field.Should().Be("completion.restoredTs");
    }

    [Fact]
    public void A_new_attempt_after_success_is_a_conflict()
    {
        var segment = SegmentRules.Start(Chain, [], Samples.Segment(0), Now).Value;
        segment = SegmentRules.Attempt(Chain, segment, new SegmentAttempt(1, "pod-1"), Now).Value;
        segment = SegmentRules.Complete(Chain, segment, new SegmentCompletion(1, true, null, Samples.Summary, null, null), Now).Value;

        var act = () => SegmentRules.Attempt(Chain, segment, new SegmentAttempt(2, "pod-2"), Now);

        act.Should().Throw<LedgerConflictException>().WithMessage("*already succeeded*");
    }
}
