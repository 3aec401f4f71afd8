using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class EvaluationVerdictsTests
{
    public static TheoryData<ChainReason> NotReady => new(Enum.GetValues<ChainReason>());

    [Theory]
    [MemberData(nameof(NotReady))]
    public void Every_reason_of_the_chain_rules_becomes_a_verdict_with_the_same_reason(ChainReason reason)
    {
        var outcome = ChainReasons.OutcomeOf(reason);
        var verdict = EvaluationVerdicts.Of(new ChainEvaluation { Outcome = outcome, Reason = reason, Message = "why and fix" });
        verdict.Reason.Should().Be(reason.ToString());
        verdict.Message.Should().Be("why and fix");
        verdict.Phase.Should().Be(ChainReasons.PhaseOf(outcome));
        var expectedType = reason switch
        {
            ChainReason.Held => ConditionTypes.Held,
            ChainReason.ClusterBusy or ChainReason.RestoredTsInFuture => ConditionTypes.WorkerRunning,
            ChainReason.PreviousNotFound or ChainReason.PredecessorFailed or ChainReason.PredecessorIncomplete => ConditionTypes.PredecessorComplete,
            _ when outcome == ChainOutcome.Failed => ConditionTypes.Failed,
            _ => ConditionTypes.Validated,
        };
        verdict.ConditionType.Should().Be(expectedType);
    }

    [Fact]
    public void A_ready_evaluation_has_no_verdict() =>
        FluentActions.Invoking(() => EvaluationVerdicts.Of(new ChainEvaluation { Outcome = ChainOutcome.Ready }))
            .Should().Throw<ArgumentException>();
}
