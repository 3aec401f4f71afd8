using SegRestore.Api.Models;

namespace SegRestore.Operator.Controller;

/// <summary>
/// What the reconciler concluded about a segment: its phase and the one condition that says why, with a reason and a
/// message that names the field, the value and the fix.
/// </summary>
public sealed record Verdict(SegmentPhase Phase, string ConditionType, string Status, string Reason, string Message)
{
    public static Verdict Invalid(string reason, string message) =>
        new(SegmentPhase.Invalid, ConditionTypes.Validated, Api.Models.ConditionStatus.False, reason, message);

    public static Verdict Failed(string reason, string message) =>
        new(SegmentPhase.Failed, ConditionTypes.Failed, Api.Models.ConditionStatus.True, reason, message);

    public static Verdict WaitingOnPredecessor(string reason, string message) =>
        new(SegmentPhase.Waiting, ConditionTypes.PredecessorComplete, Api.Models.ConditionStatus.False, reason, message);

    public static Verdict Held(string message) =>
        new(SegmentPhase.Waiting, ConditionTypes.Held, Api.Models.ConditionStatus.True, "Held", message);

    /// <summary>Valid and unblocked by its chain, but the target cluster is not available to it (busy, unreachable).</summary>
    public static Verdict WaitingOnCluster(string reason, string message) => WorkerCannotStart(SegmentPhase.Waiting, reason, message);

    /// <summary>No worker can start yet (a busy or unreachable cluster, a missing Secret, key or claim): Waiting before
    /// the segment started, Running (between attempts) after.</summary>
    public static Verdict WorkerCannotStart(SegmentPhase phase, string reason, string message) =>
        new(phase, ConditionTypes.WorkerRunning, Api.Models.ConditionStatus.False, reason, message);

    /// <summary>A reconcile keeps failing for a reason outside the segment: the phase stays, Reconciled is False.</summary>
    public static Verdict NotReconciled(SegmentPhase phase, string reason, string message) =>
        new(phase, ConditionTypes.Reconciled, Api.Models.ConditionStatus.False, reason, message);

    public static Verdict Running(string reason, string message) =>
        new(SegmentPhase.Running, ConditionTypes.WorkerRunning, Api.Models.ConditionStatus.True, reason, message);

    /// <summary>Between attempts: the segment is in progress, no worker runs.</summary>
    public static Verdict Retrying(string message) =>
        new(SegmentPhase.Running, ConditionTypes.WorkerRunning, Api.Models.ConditionStatus.False, "RetryScheduled", message);

    public static Verdict Succeeded(string message) =>
        new(SegmentPhase.Succeeded, ConditionTypes.Succeeded, Api.Models.ConditionStatus.True, "Restored", message);
}
