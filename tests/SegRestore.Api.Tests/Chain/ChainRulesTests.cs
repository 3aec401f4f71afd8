using SegRestore.Api.Chain;
using SegRestore.Api.Models;

namespace SegRestore.Api.Tests.Chain;

public class ChainRulesTests
{
    public static TheoryData<string> CaseNames => new(ChainRuleCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Chain_rules_give_the_expected_verdict(string caseName)
    {
        var row = ChainRuleCases.All[caseName];

        var evaluation = ChainRules.Evaluate(row.Self, row.View);

        evaluation.Outcome.Should().Be(row.Outcome, evaluation.Message);
        evaluation.Reason.Should().Be(row.Reason, evaluation.Message);
        evaluation.Message.Should().Contain(row.MessageFragment);
        row.Extra?.Invoke(evaluation);
    }

    [Fact]
    public void The_table_reaches_every_reason()
    {
        var reached = ChainRuleCases.All.Values
            .Select(row => ChainRules.Evaluate(row.Self, row.View).Reason)
            .OfType<ChainReason>()
            .ToHashSet();

        reached.Should().BeEquivalentTo(Enum.GetValues<ChainReason>());
        ChainRuleCases.All.Count.Should().BeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public void Every_reason_has_the_outcome_of_the_design_table()
    {
        ChainReasons.OutcomeOf(ChainReason.PreviousNotFound).Should().Be(ChainOutcome.Waiting);
        ChainReasons.OutcomeOf(ChainReason.ClusterBusy).Should().Be(ChainOutcome.Waiting);
        ChainReasons.OutcomeOf(ChainReason.ClusterChanged).Should().Be(ChainOutcome.Failed);
        ChainReasons.OutcomeOf(ChainReason.BrLacksSegmentedRestore).Should().Be(ChainOutcome.Failed);
        ChainReasons.OutcomeOf(ChainReason.ChainFork).Should().Be(ChainOutcome.Invalid);
        ChainReasons.PhaseOf(ChainOutcome.Invalid).Should().Be(SegmentPhase.Invalid);
        ChainReasons.PhaseOf(ChainOutcome.Waiting).Should().Be(SegmentPhase.Waiting);
    }

    [Fact]
    public void Messages_name_the_field_for_every_non_ready_case()
    {
        foreach (var (name, row) in ChainRuleCases.All.Where(pair => pair.Value.Outcome != ChainOutcome.Ready))
        {
            ChainRules.Evaluate(row.Self, row.View).Message.Should().Contain("spec.", name);
        }
    }

    [Fact]
    public void Every_segment_of_a_chain_applied_at_once_gets_a_consistent_verdict()
    {
        var s0 = ChainFixtures.Root(phase: null);
        var s1 = ChainFixtures.Next("s1", "s0", "2000");
        var s2 = ChainFixtures.Next("s2", "s1", "3000", last: true);
        var view = ChainFixtures.View(s2, s0, s1);

        ChainRules.Evaluate(s0, view).Outcome.Should().Be(ChainOutcome.Ready);
        ChainRules.Evaluate(s1, view).Reason.Should().Be(ChainReason.PredecessorIncomplete);
        ChainRules.Evaluate(s2, view).Reason.Should().Be(ChainReason.PredecessorIncomplete);
        ChainRules.Evaluate(s2, view).Index.Should().Be(2);
    }

    [Fact]
    public void Spec_fingerprint_ignores_hold_and_retry_only()
    {
        var spec = ChainFixtures.RootSpec();
        var before = SpecFingerprint.Compute(spec);

        spec.Hold = true;
        spec.Retry = new RetrySpec { MaxAttempts = 9 };
        SpecFingerprint.Compute(spec).Should().Be(before);

        spec.RestoredTs = "1001";
        SpecFingerprint.Compute(spec).Should().NotBe(before);
    }
}
