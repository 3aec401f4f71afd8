using k8s;
using k8s.Models;
using SegRestore.Api.Conditions;
using SegRestore.Api.Models;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Builds a segment's status from a verdict and the facts the reconciler gathered, pure. The conditions stay
/// consistent with the phase: Validated, PredecessorComplete, Held, WorkerRunning, Succeeded, Failed.
/// </summary>
public static class StatusComposer
{
    public static PointRestoreSegmentStatus Compose(
        PointRestoreSegmentStatus? current, long? generation, Verdict verdict, StatusFacts facts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(facts);
        var status = new PointRestoreSegmentStatus
        {
            ObservedGeneration = generation,
            Phase = verdict.Phase,
            Chain = facts.Chain ?? current?.Chain,
            StartTs = facts.StartTs ?? current?.StartTs,
            StartTime = (facts.StartTs ?? current?.StartTs)?.ToTime().UtcDateTime,
            RestoredTs = facts.RestoredTs ?? current?.RestoredTs,
            RestoredTime = (facts.RestoredTs ?? current?.RestoredTs)?.ToTime().UtcDateTime,
            Attempts = facts.Attempts ?? current?.Attempts,
            WorkerPod = facts.WorkerPod ?? current?.WorkerPod,
            LogWindow = facts.LogWindow ?? current?.LogWindow,
            Progress = facts.Progress ?? (verdict.Phase == SegmentPhase.Running ? current?.Progress : null),
            Summary = facts.Summary ?? current?.Summary,
            Items = facts.Items ?? current?.Items,
            StartedAt = facts.StartedAt ?? current?.StartedAt,
            CompletedAt = verdict.Phase is SegmentPhase.Succeeded or SegmentPhase.Failed ? facts.CompletedAt ?? current?.CompletedAt ?? now : null,
            Message = verdict.Message,
        };
        status.Conditions = Conditions(current?.Conditions, generation, verdict, facts, now);
        return status;
    }

    private static List<V1Condition> Conditions(List<V1Condition>? current, long? generation, Verdict verdict, StatusFacts facts, DateTime now)
    {
        var conditions = current ?? [];
        List<V1Condition> Set(List<V1Condition> list, string type, string status, string reason, string message) =>
            StatusConditions.Set(list, type, status, reason, message, generation, now);
        bool Has(string type) => StatusConditions.Find(conditions, type) is not null;

        if (verdict.ConditionType == ConditionTypes.Reconciled)
        {
            // An outage says nothing about the segment itself: only Reconciled changes.
            return Set(conditions, ConditionTypes.Reconciled, verdict.Status, verdict.Reason, verdict.Message);
        }

        if (Has(ConditionTypes.Reconciled))
        {
            conditions = Set(conditions, ConditionTypes.Reconciled, ConditionStatus.True, "Reconciled", "the last reconcile completed");
        }

        var invalid = verdict.Phase == SegmentPhase.Invalid;
        conditions = invalid
            ? Set(conditions, ConditionTypes.Validated, ConditionStatus.False, verdict.Reason, verdict.Message)
            : Set(conditions, ConditionTypes.Validated, ConditionStatus.True, "Valid", "the spec and its place in the chain are valid");

        if (verdict.ConditionType == ConditionTypes.PredecessorComplete)
        {
            conditions = Set(conditions, ConditionTypes.PredecessorComplete, ConditionStatus.False, verdict.Reason, verdict.Message);
        }
        else if (!invalid && facts.PredecessorName is { } previous)
        {
            conditions = Set(conditions, ConditionTypes.PredecessorComplete, ConditionStatus.True, "PredecessorSucceeded", $"{previous} succeeded");
        }
        else if (!invalid && facts.Chain?.Index == 0)
        {
            conditions = Set(conditions, ConditionTypes.PredecessorComplete, ConditionStatus.True, "FirstSegment", "the first segment of a chain has no predecessor");
        }

        if (verdict.Reason == "Held")
        {
            conditions = Set(conditions, ConditionTypes.Held, ConditionStatus.True, "Held", verdict.Message);
        }
        else if (Has(ConditionTypes.Held))
        {
            conditions = Set(conditions, ConditionTypes.Held, ConditionStatus.False, "Released", "spec.hold is false");
        }

        if (verdict.ConditionType == ConditionTypes.WorkerRunning)
        {
            conditions = Set(conditions, ConditionTypes.WorkerRunning, verdict.Status, verdict.Reason, verdict.Message);
        }
        else if (Has(ConditionTypes.WorkerRunning))
        {
            var (reason, message) = verdict.Phase switch
            {
                SegmentPhase.Succeeded => ("Completed", "the worker finished"),
                SegmentPhase.Failed => ("Stopped", "no worker runs: the segment failed"),
                _ => ("NotRunning", "no worker runs"),
            };
            conditions = Set(conditions, ConditionTypes.WorkerRunning, ConditionStatus.False, reason, message);
        }

        if (verdict.Phase == SegmentPhase.Succeeded)
        {
            conditions = Set(conditions, ConditionTypes.Succeeded, ConditionStatus.True, verdict.Reason, verdict.Message);
        }

        if (verdict.Phase == SegmentPhase.Failed)
        {
            conditions = Set(conditions, ConditionTypes.Failed, ConditionStatus.True, verdict.Reason, verdict.Message);
        }
        else if (Has(ConditionTypes.Failed))
        {
            conditions = Set(conditions, ConditionTypes.Failed, ConditionStatus.False, "NotFailed", "the segment is not failed");
        }

        foreach (var extra in facts.Finalization)
        {
            conditions = Set(conditions, extra.Type, extra.Status, extra.Reason, extra.Message);
        }

        return conditions;
    }
}
