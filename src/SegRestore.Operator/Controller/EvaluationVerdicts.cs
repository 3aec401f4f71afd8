using SegRestore.Api.Chain;

namespace SegRestore.Operator.Controller;

/// <summary>The verdict for a chain-rules evaluation that is not Ready, pure.</summary>
public static class EvaluationVerdicts
{
    public static Verdict Of(ChainEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var reason = evaluation.Reason?.ToString() ?? "Unknown";
        return evaluation.Outcome switch
        {
            ChainOutcome.Invalid => Verdict.Invalid(reason, evaluation.Message),
            ChainOutcome.Failed => Verdict.Failed(reason, evaluation.Message),
            ChainOutcome.Waiting => evaluation.Reason switch
            {
                ChainReason.Held => Verdict.Held(evaluation.Message),
                ChainReason.ClusterBusy or ChainReason.RestoredTsInFuture => Verdict.WaitingOnCluster(reason, evaluation.Message),
                _ => Verdict.WaitingOnPredecessor(reason, evaluation.Message),
            },
            _ => throw new ArgumentException("a Ready evaluation has no verdict of its own", nameof(evaluation)),
        };
    }
}
