using k8s;
using k8s.Models;
using SegRestore.Api.Models;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// Reads the status contract: which condition explains the phase. Invalid -> Validated=False; Waiting ->
/// PredecessorComplete=False, Held=True or WorkerRunning=False (ClusterBusy); Failed -> Failed=True;
/// Succeeded -> Succeeded=True.
/// </summary>
public static class SegmentReasons
{
    public static SegmentReason ReasonOf(PointRestoreSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var phase = segment.Status?.Phase;
        var condition = phase switch
        {
            SegmentPhase.Invalid => Find(segment, ConditionTypes.Validated, "False"),
            SegmentPhase.Waiting => Find(segment, ConditionTypes.PredecessorComplete, "False")
                ?? Find(segment, ConditionTypes.Held, "True")
                ?? Find(segment, ConditionTypes.WorkerRunning, "False"),
            SegmentPhase.Failed => Find(segment, ConditionTypes.Failed, "True"),
            SegmentPhase.Succeeded => Find(segment, ConditionTypes.Succeeded, "True"),
            _ => null,
        };
        return new SegmentReason(phase, condition?.Type, condition?.Reason, condition?.Message ?? segment.Status?.Message);
    }

    public static V1Condition? Condition(PointRestoreSegment segment, string type) =>
        segment?.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static V1Condition? Find(PointRestoreSegment segment, string type, string status) =>
        Condition(segment, type) is { } c && c.Status == status ? c : null;
}
