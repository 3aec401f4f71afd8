using SegRestore.Api.Models;

namespace SegRestore.Api.Chain;

/// <summary>Facts about <see cref="ChainReason"/> values.</summary>
public static class ChainReasons
{
    /// <summary>The outcome a reason stands for.</summary>
    public static ChainOutcome OutcomeOf(ChainReason reason) => reason switch
    {
        ChainReason.ClusterChanged or ChainReason.BrLacksSegmentedRestore => ChainOutcome.Failed,
        ChainReason.PreviousNotFound or ChainReason.PredecessorFailed or ChainReason.PredecessorIncomplete
            or ChainReason.Held or ChainReason.ClusterBusy or ChainReason.RestoredTsInFuture => ChainOutcome.Waiting,
        _ => ChainOutcome.Invalid,
    };

    /// <summary>The status.phase for an outcome that is not Ready (Ready leads to Running, the controller's call).</summary>
    public static SegmentPhase PhaseOf(ChainOutcome outcome) => outcome switch
    {
        ChainOutcome.Waiting => SegmentPhase.Waiting,
        ChainOutcome.Invalid => SegmentPhase.Invalid,
        ChainOutcome.Failed => SegmentPhase.Failed,
        _ => SegmentPhase.Pending,
    };
}
